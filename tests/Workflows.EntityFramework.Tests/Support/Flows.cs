namespace ProcessEngine.Workflows.EntityFramework.Tests.Support;

/// <summary>Small flows for tests, written as the JSON a coordinator would write.</summary>
public static class Flows
{
    public const string TwoTasks = """
    {
      "id": "two-tasks", "name": "Twee taken",
      "activities": [
        { "id": "intake", "type": "HumanTask", "inputs": { "title": "Aanmelding", "candidateGroup": "Professional",
            "due": "5 werkdagen", "outcomes": ["Acuut", "Regulier"], "resultVariable": "aanmelding",
            "form": [ { "name": "hulpvraag", "label": "Hulpvraag", "type": "multiline", "required": true } ] } },
        { "id": "triage", "type": "HumanTask", "inputs": { "title": "Triage", "candidateGroup": "RvtChair", "outcomes": ["Klaar"] } },
        { "id": "spoed", "type": "HumanTask", "inputs": { "title": "Spoedoverleg", "assignee": "voorzitter", "outcomes": ["Klaar"] } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "source": "intake", "outcome": "Regulier", "target": "triage" },
        { "source": "intake", "outcome": "Acuut", "target": "spoed" },
        { "source": "triage", "outcome": "Klaar", "target": "end" },
        { "source": "spoed", "outcome": "Klaar", "target": "end" }
      ]
    }
    """;

    public const string TimerThenTask = """
    {
      "id": "timer-then-task", "name": "Timer dan taak",
      "activities": [
        { "id": "wait", "type": "Delay", "inputs": { "duration": "P3M" } },
        { "id": "evaluate", "type": "HumanTask", "inputs": { "title": "Evaluatie maatregel", "candidateGroup": "Professional", "outcomes": ["Voortzetten", "Beëindigen"] } }
      ],
      "connections": [ { "source": "wait", "target": "evaluate" } ]
    }
    """;
}
