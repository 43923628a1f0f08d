using System.Text.Json;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>One proefrit in progress: takes its steps on the simulated clock and says where it stands.</summary>
internal sealed class Run(WorkflowRuntime runtime, InMemoryWorkflowStore store, SimulatedClock clock)
{
    /// <summary>A flow that keeps firing timers without ever waiting (a loop of zero delays) stops here.</summary>
    private const int MaxTimerFirings = 2_000;
    private const string Tester = "proefrit";

    public async Task<string?> StartAsync(string flowId, Dictionary<string, JsonElement>? input, CancellationToken ct)
    {
        try
        {
            await runtime.StartAsync(flowId, Values(input), TestDriver.Correlation, ct: ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return "de flow start niet: " + ex.Message;
        }
    }

    /// <returns>Why the step could not be taken, or null when it was.</returns>
    public async Task<string?> TakeAsync(ScenarioStepModel step, CancellationToken ct)
    {
        if (step.At is not null && await MoveToAsync(step.At, "at", ct) is { } late) return late;
        if (step.Until is not null) return await MoveToAsync(step.Until, "until", ct);
        if (step.Signal is { } signal) return await SignalAsync(signal, step.Data, ct);
        if (step.Task is { } activityId) return await CompleteAsync(activityId, step, ct);
        return "een stap rondt een taak af (task), stuurt een signaal (signal) of laat de klok lopen (until)";
    }

    private async Task<string?> MoveToAsync(string text, string field, CancellationToken ct)
    {
        if (!TestDriveMoment.TryParse(text, out var target)) return $"{field}: '{text}' is geen moment; schrijf 2027-01-15 of 2027-01-15T09:00";
        if (target < clock.Now) return $"{field}: {TestDriveMoment.Show(target)} ligt vóór het moment waarop de proefrit nu staat ({TestDriveMoment.Show(clock.Now)})";
        for (var fired = 0; ; fired++)
        {
            var next = (await store.FindDueTimersAsync(target, 1, ct)).FirstOrDefault();
            if (next?.DueAt is not { } due) break;
            if (fired == MaxTimerFirings) return $"na {MaxTimerFirings} timers vóór {TestDriveMoment.Show(target)} is de proefrit gestopt: wacht de flow ergens zonder tijd te laten verstrijken?";
            if (due > clock.Now) clock.Now = due;
            await runtime.FireDueTimersAsync(ct);
        }
        clock.Now = target;
        return null;
    }

    private async Task<string?> SignalAsync(string name, Dictionary<string, JsonElement>? data, CancellationToken ct)
    {
        var received = await runtime.SignalAsync(name, TestDriver.Correlation, payload: Values(data), ct: ct);
        return received > 0 ? null : $"niemand wacht op {TestDriveMoment.Show(clock.Now)} op het signaal '{name}'";
    }

    private async Task<string?> CompleteAsync(string activityId, ScenarioStepModel step, CancellationToken ct)
    {
        var tasks = (await store.GetTasksAsync(TestDriver.Correlation, ct)).Where(t => t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold).ToList();
        var task = tasks.Where(t => t.ActivityId == activityId && (step.Flow is null || t.DefinitionId == step.Flow))
            .OrderBy(t => t.CreatedAt).FirstOrDefault();
        if (task is null)
        {
            var open = tasks.Count == 0 ? "er staat geen taak open" : "open staan: " + string.Join(", ", tasks.Select(t => $"{t.ActivityId} ({t.Title})"));
            return $"task: op {TestDriveMoment.Show(clock.Now)} staat de taak '{activityId}' niet open; {open}";
        }
        var outcome = step.Outcome ?? (task.Outcomes.Count == 1 ? task.Outcomes[0] : null);
        if (outcome is null) return $"outcome: kies een uitkomst voor '{task.Title}': {string.Join(", ", task.Outcomes)}";
        var result = await runtime.CompleteTaskAsync(task.Id, outcome, Values(step.Answers), task.Assignee ?? Tester, ct: ct);
        if (result.Outcome == ResumeOutcome.Resumed) return null;
        if (result.FieldErrors is { } errors) return "answers: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}"));
        return $"task: '{task.Title}' kan niet worden afgerond: {result.Message}";
    }

    public TestDriveResult Result(IReadOnlyList<TestDriveEvent> events, TestDriveProblem? problem)
    {
        var graph = store.Capture(TestDriver.Correlation);
        var flows = graph.Instances.ToDictionary(i => i.Id, i => i.DefinitionId);
        var open = graph.Tasks.Where(t => t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold).OrderBy(t => t.CreatedAt)
            .Select(t => new TestDriveTask(t.DefinitionId, t.ActivityId, t.Title, t.Assignee ?? t.CandidateGroup, t.CreatedAt, t.DueAt,
                t.Outcomes, t.Form, t.Status == UserTaskStatus.OnHold)).ToList();
        var signals = graph.Bookmarks.Where(b => b.Kind == BookmarkKind.Signal && b.SignalName is not null)
            .Select(b => new TestDriveSignal(flows.GetValueOrDefault(b.InstanceId, "?"), b.ActivityId, b.ActivityId, b.SignalName!))
            .DistinctBy(s => s.Name).ToList();
        var nextTimer = graph.Bookmarks.Where(b => b.Kind == BookmarkKind.Timer && !b.IsHeld && b.DueAt is not null).Min(b => b.DueAt);
        var root = graph.Instances.OrderBy(i => i.CreatedAt).FirstOrDefault(i => i.ParentInstanceId is null);
        return new TestDriveResult(events, open, signals, nextTimer, clock.Now, root?.Status, problem);
    }

    private static Dictionary<string, object?> Values(Dictionary<string, JsonElement>? json) =>
        json?.ToDictionary(p => p.Key, p => VariableValues.FromJson(p.Value)) ?? [];
}
