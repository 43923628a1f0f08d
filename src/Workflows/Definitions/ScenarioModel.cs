using System.Text.Json;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// A saved proefrit (test drive) of a flow: where it starts, what the coordinator chose at every step, and the
/// timeline it produced. It lives in the flow file (<c>scenarios</c>), so it travels with the flow through the
/// studio, export and import, and <c>-- test-flows</c> replays it after every change to a flow or the engine.
/// Moments are Europe/Amsterdam wall-clock times: <c>2027-01-15</c> (09:00) or <c>2027-01-15T14:30</c>.
/// </summary>
public sealed record ScenarioModel
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>When the flow is started on the simulated clock.</summary>
    public string? Start { get; init; }
    /// <summary>The flow's input, as the host would start it.</summary>
    public Dictionary<string, JsonElement>? Input { get; init; }
    public List<ScenarioStepModel>? Steps { get; init; }
    /// <summary>The timeline lines the steps produced when the scenario was saved; a replay must produce the same.</summary>
    public List<string>? Expected { get; init; }
}

/// <summary>
/// One choice in a proefrit: complete an open task (<see cref="Task"/>), send a signal (<see cref="Signal"/>), or let
/// the clock run (<see cref="Until"/>). <see cref="At"/> moves the clock first; timers due on the way fire in order.
/// </summary>
public sealed record ScenarioStepModel
{
    public string? At { get; init; }
    /// <summary>The activity id of the open task to complete.</summary>
    public string? Task { get; init; }
    /// <summary>The flow the task belongs to, when a subflow has a task with the same id.</summary>
    public string? Flow { get; init; }
    public string? Outcome { get; init; }
    public Dictionary<string, JsonElement>? Answers { get; init; }
    public string? Signal { get; init; }
    public Dictionary<string, JsonElement>? Data { get; init; }
    public string? Until { get; init; }
}
