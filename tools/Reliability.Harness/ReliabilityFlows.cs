namespace ProcessEngine.Reliability;

/// <summary>
/// The small flows the reliability suite runs, as JSON a coordinator would import. Both hand their tasks
/// to the group Professional, so prof1, prof2 and raad may each claim or complete any of them.
/// </summary>
public static class ReliabilityFlows
{
    public const string TwoSteps = "betrouwbaarheid-twee-stappen";
    public const string FirstStep = "stap1";
    public const string SecondStep = "stap2";
    public const string TimerFlow = "betrouwbaarheid-timer";
    public const string Timer = "wacht";
    public const string AfterTimer = "na-timer";
    public const string Done = "Klaar";
    public const string SenderFlow = "betrouwbaarheid-zender";
    public const string SenderStep = "doorgeven";
    public const string ReceiverFlow = "betrouwbaarheid-ontvanger";
    public const string Received = "ontvangen";

    /// <summary>Stap 1 then Stap 2: completing the first makes exactly one second task, so advancing twice shows.</summary>
    public const string TwoStepsJson = """
    {
      "id": "betrouwbaarheid-twee-stappen", "name": "Betrouwbaarheid: twee stappen",
      "activities": [
        { "id": "stap1", "type": "HumanTask", "inputs": { "title": "Stap 1", "candidateGroup": "Professional", "outcomes": ["Klaar"] } },
        { "id": "stap2", "type": "HumanTask", "inputs": { "title": "Stap 2", "candidateGroup": "Professional", "outcomes": ["Klaar"] } },
        { "id": "einde", "type": "End" }
      ],
      "connections": [
        { "source": "stap1", "outcome": "Klaar", "target": "stap2" },
        { "source": "stap2", "outcome": "Klaar", "target": "einde" }
      ]
    }
    """;

    /// <summary>A timer due at the moment given as input 'due', then a task: one task per timer that fired.</summary>
    public const string TimerJson = """
    {
      "id": "betrouwbaarheid-timer", "name": "Betrouwbaarheid: timer",
      "activities": [
        { "id": "wacht", "type": "Delay", "inputs": { "until": { "expression": "input.due" } } },
        { "id": "na-timer", "type": "HumanTask", "inputs": { "title": "Na de timer", "candidateGroup": "Professional", "outcomes": ["Klaar"] } }
      ],
      "connections": [ { "source": "wacht", "target": "na-timer" } ]
    }
    """;

    /// <summary>A task whose completion sends the signal 'Doorgegeven' to its correlation; the receiver waits for it.</summary>
    public const string SenderJson = """
    {
      "id": "betrouwbaarheid-zender", "name": "Betrouwbaarheid: signaal sturen",
      "activities": [
        { "id": "doorgeven", "type": "HumanTask", "inputs": { "title": "Doorgeven", "candidateGroup": "Professional", "outcomes": ["Klaar"] } },
        { "id": "stuur", "type": "SendSignal", "inputs": { "signal": "Doorgegeven" } }
      ],
      "connections": [ { "source": "doorgeven", "outcome": "Klaar", "target": "stuur" } ]
    }
    """;

    /// <summary>Waits for 'Doorgegeven', then a task: one task per signal that reached it.</summary>
    public const string ReceiverJson = """
    {
      "id": "betrouwbaarheid-ontvanger", "name": "Betrouwbaarheid: signaal ontvangen",
      "activities": [
        { "id": "wacht-op-signaal", "type": "WaitForSignal", "inputs": { "signal": "Doorgegeven" } },
        { "id": "ontvangen", "type": "HumanTask", "inputs": { "title": "Ontvangen", "candidateGroup": "Professional", "outcomes": ["Klaar"] } }
      ],
      "connections": [ { "source": "wacht-op-signaal", "target": "ontvangen" } ]
    }
    """;
}
