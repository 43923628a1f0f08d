using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Bench;

/// <summary>
/// The <c>migrate</c> benchmark's flow: twenty activities in two versions, in the flow-file format a coordinator imports.
/// A Decision sends each instance down one of four routes (tasks one after the other, a timer, a signal, or a fork of a
/// task, a timer and a signal that meet in a join), all of which end in the same tail (decision task, follow-up timer,
/// closing task). Version 2 renames the assessment task (and re-asks it: new title, group and form), counts the route's
/// timer from now again with a longer term, declares a new variable with a default; every other activity keeps its id.
/// </summary>
internal static class MigrateFlows
{
    public const string Id = "bench-migrate";
    public const string Outcome = "Klaar";
    public const string ReportSignal = "Rapport";
    public const string AgreeSignal = "Akkoord";

    /// <summary>The plan: the renamed task named, the route's timer recomputed, one variable set by an expression; the rest by id.</summary>
    public static MigrationPlan Plan => new(Id, [1], 2,
        [new ActivityMapping("beoordelen", "beoordelen-gezin"), new ActivityMapping("termijn", "termijn", DueMoment.Recompute)],
        [new VariableMapping("fase", VariableAction.Set, Expression: "'verplaatst-' + variables.teller")]);

    public static readonly string Version1 = Flow(
        assess: """{ "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "Team", "due": "5 werkdagen", "outcomes": ["Klaar"] } }""",
        assessId: "beoordelen",
        term: """{ "id": "termijn", "type": "Delay", "inputs": { "duration": "P3M" } }""",
        variables: """[ { "name": "fase", "default": "nieuw" } ]""");

    public static readonly string Version2 = Flow(
        assess: """
            { "id": "beoordelen-gezin", "type": "HumanTask", "inputs": { "title": "Beoordelen met het gezin", "candidateGroup": "Team",
              "due": "10 werkdagen", "outcomes": ["Klaar"], "form": [ { "name": "stemGezin", "label": "Wat zegt het gezin?", "type": "multiline" } ] } }
            """,
        assessId: "beoordelen-gezin",
        term: """{ "id": "termijn", "type": "Delay", "inputs": { "duration": "P6M" } }""",
        variables: """[ { "name": "fase", "default": "nieuw" }, { "name": "regio", "default": "west" } ]""");

    // 20 activities: begin, registreer, route, intake, <assess>, termijn, evaluatie, rapport, rapport-lezen, splits, overleg,
    // bedenktijd, akkoord, samen, markeer, besluit, nazorg, afsluiten, opschonen, einde.
    private static string Flow(string assess, string assessId, string term, string variables) => $$"""
    { "id": "{{Id}}", "name": "Benchmark: verplaatsen", "variables": {{variables}},
      "activities": [
        { "id": "begin", "type": "SetVariable", "inputs": { "variable": "teller", "value": { "expression": "input.nr" } } },
        { "id": "registreer", "type": "SetVariable", "inputs": { "variable": "route", "value": { "expression": "input.route" } } },
        { "id": "route", "type": "Decision", "inputs": { "outcome": { "expression": "variables.route" }, "outcomes": ["taak", "timer", "signaal", "parallel"] } },
        { "id": "intake", "type": "HumanTask", "inputs": { "title": "Intake", "candidateGroup": "Team", "due": "5 werkdagen", "outcomes": ["Klaar"] } },
        {{assess}},
        {{term}},
        { "id": "evaluatie", "type": "HumanTask", "inputs": { "title": "Evalueren", "candidateGroup": "Team", "outcomes": ["Klaar"] } },
        { "id": "rapport", "type": "WaitForSignal", "inputs": { "signal": "{{ReportSignal}}" } },
        { "id": "rapport-lezen", "type": "HumanTask", "inputs": { "title": "Rapport lezen", "candidateGroup": "Team", "outcomes": ["Klaar"] } },
        { "id": "splits", "type": "Fork", "inputs": { "branches": ["overleg", "bedenktijd", "akkoord"] } },
        { "id": "overleg", "type": "HumanTask", "inputs": { "title": "Overleggen", "candidateGroup": "Team", "due": "P2W", "outcomes": ["Klaar"] } },
        { "id": "bedenktijd", "type": "Delay", "inputs": { "duration": "P2W" } },
        { "id": "akkoord", "type": "WaitForSignal", "inputs": { "signal": "{{AgreeSignal}}" } },
        { "id": "samen", "type": "Join" },
        { "id": "markeer", "type": "SetVariable", "inputs": { "variable": "fase", "value": "besluit" } },
        { "id": "besluit", "type": "HumanTask", "inputs": { "title": "Besluiten", "candidateGroup": "Team", "due": "10 werkdagen", "outcomes": ["Klaar"] } },
        { "id": "nazorg", "type": "Delay", "inputs": { "duration": "P6M" } },
        { "id": "afsluiten", "type": "HumanTask", "inputs": { "title": "Afsluiten", "candidateGroup": "Team", "outcomes": ["Klaar"] } },
        { "id": "opschonen", "type": "SetVariable", "inputs": { "variable": "fase", "value": "klaar" } },
        { "id": "einde", "type": "End" }
      ],
      "connections": [
        { "source": "begin", "target": "registreer" },
        { "source": "registreer", "target": "route" },
        { "source": "route", "outcome": "taak", "target": "intake" },
        { "source": "route", "outcome": "timer", "target": "termijn" },
        { "source": "route", "outcome": "signaal", "target": "rapport" },
        { "source": "route", "outcome": "parallel", "target": "splits" },
        { "source": "intake", "outcome": "Klaar", "target": "{{assessId}}" },
        { "source": "{{assessId}}", "outcome": "Klaar", "target": "markeer" },
        { "source": "termijn", "target": "evaluatie" },
        { "source": "evaluatie", "outcome": "Klaar", "target": "markeer" },
        { "source": "rapport", "target": "rapport-lezen" },
        { "source": "rapport-lezen", "outcome": "Klaar", "target": "markeer" },
        { "source": "splits", "outcome": "overleg", "target": "overleg" },
        { "source": "splits", "outcome": "bedenktijd", "target": "bedenktijd" },
        { "source": "splits", "outcome": "akkoord", "target": "akkoord" },
        { "source": "overleg", "outcome": "Klaar", "target": "samen" },
        { "source": "bedenktijd", "target": "samen" },
        { "source": "akkoord", "target": "samen" },
        { "source": "samen", "target": "markeer" },
        { "source": "markeer", "target": "besluit" },
        { "source": "besluit", "outcome": "Klaar", "target": "nazorg" },
        { "source": "nazorg", "target": "afsluiten" },
        { "source": "afsluiten", "outcome": "Klaar", "target": "opschonen" },
        { "source": "opschonen", "target": "einde" }
      ] }
    """;
}
