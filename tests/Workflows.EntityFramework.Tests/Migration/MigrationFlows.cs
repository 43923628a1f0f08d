namespace ProcessEngine.Workflows.EntityFramework.Tests.Migration;

/// <summary>
/// One flow in two versions for the migration tests: three parallel branches (a task, a timer, a signal) that meet in a
/// join. Version 2 renames the task, changes what it asks and no longer escalates it, and counts its timer from the start input's date.
/// </summary>
internal static class MigrationFlows
{
    public const string Id = "verplaatsbaar";

    public static readonly string Version1 = Flow(
        task: """{ "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "Professional", "due": "5 werkdagen", "outcomes": ["Klaar"] } }""",
        taskId: "beoordelen",
        timer: """{ "id": "wacht", "type": "Delay", "inputs": { "duration": "P3M" } }""",
        variables: """[ { "name": "teller", "default": 3 } ]""");

    public static readonly string Version2 = Flow(
        task: """
            { "id": "beoordelen-gezin", "type": "HumanTask", "inputs": { "title": "Beoordelen met het gezin", "candidateGroup": "RvtChair",
              "due": "10 werkdagen", "outcomes": ["Klaar"],
              "form": [ { "name": "stemGezin", "label": "Wat zegt het gezin?", "type": "multiline" } ], "escalate": false } }
            """,
        taskId: "beoordelen-gezin",
        timer: """{ "id": "wacht", "type": "Delay", "inputs": { "until": { "expression": "dates.add(input.startDatum, 'P6M')" } } }""",
        variables: """[ { "name": "regioTermijn", "default": "P2W" } ]""");

    private static string Flow(string task, string taskId, string timer, string variables = "[]") => $$"""
    { "id": "{{Id}}", "name": "Verplaatsbaar", "variables": {{variables}},
      "activities": [
        { "id": "splits", "type": "Fork", "inputs": { "branches": ["taak", "timer", "signaal"] } },
        {{task}},
        {{timer}},
        { "id": "signaal", "type": "WaitForSignal", "inputs": { "signal": "Verder" } },
        { "id": "samen", "type": "Join" },
        { "id": "einde", "type": "End" }
      ],
      "connections": [
        { "source": "splits", "outcome": "taak", "target": "{{taskId}}" },
        { "source": "splits", "outcome": "timer", "target": "wacht" },
        { "source": "splits", "outcome": "signaal", "target": "signaal" },
        { "source": "{{taskId}}", "outcome": "Klaar", "target": "samen" },
        { "source": "wacht", "target": "samen" },
        { "source": "signaal", "target": "samen" },
        { "source": "samen", "target": "einde" }
      ] }
    """;
}

/// <summary>A parent waiting on a subflow, in two versions: version 2 renames the subflow step and asks something after it.</summary>
internal static class SubflowMigrationFlows
{
    public const string Parent = "verplaatsbaar-ouder";
    public const string Child = "verplaatsbaar-kind";

    public const string ChildJson = """
    { "id": "verplaatsbaar-kind", "name": "Kind",
      "activities": [ { "id": "kindtaak", "type": "HumanTask", "inputs": { "title": "Kindtaak", "candidateGroup": "Professional", "outcomes": ["Klaar"] } } ] }
    """;

    public const string Version1 = """
    { "id": "verplaatsbaar-ouder", "name": "Ouder",
      "activities": [
        { "id": "deel", "type": "RunSubflow", "inputs": { "flow": "verplaatsbaar-kind" } },
        { "id": "einde", "type": "End" } ],
      "connections": [ { "source": "deel", "target": "einde" } ] }
    """;

    public const string Version2 = """
    { "id": "verplaatsbaar-ouder", "name": "Ouder",
      "activities": [
        { "id": "deelproces", "type": "RunSubflow", "inputs": { "flow": "verplaatsbaar-kind" } },
        { "id": "nabespreken", "type": "HumanTask", "inputs": { "title": "Nabespreken", "candidateGroup": "Professional", "outcomes": ["Klaar"] } } ],
      "connections": [ { "source": "deelproces", "target": "nabespreken" } ] }
    """;
}
