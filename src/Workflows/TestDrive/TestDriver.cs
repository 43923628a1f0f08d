using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>
/// Runs a proefrit: the flow under test (a draft as it stands) in the real engine, in memory, on a simulated clock
/// that starts at the scenario's start and moves only with its steps; timers fire as the clock passes them. The
/// flows it calls run on the versions given beside it. Nothing is stored and nobody is prompted. A proefrit is
/// replayed from its start for every new step, so it needs no state between calls and a saved scenario replays
/// exactly as it was seen.
/// </summary>
public sealed class TestDriver(Action<ActivityRegistry> activities)
{
    /// <summary>The correlation id of the proefrit's instances (where a real traject has its casus code).</summary>
    public const string Correlation = "PROEFRIT";

    /// <param name="flow">The flow under test, as JSON.</param>
    /// <param name="others">The flows it may call (subflows, started flows); one with the flow's own id is left out.</param>
    public async Task<TestDriveResult> RunAsync(string flow, IEnumerable<string> others, ScenarioModel scenario, CancellationToken ct = default)
    {
        if (!TestDriveMoment.TryParse(scenario.Start, out var start))
            return Refused(new("$.start", $"'{scenario.Start}' is geen moment; schrijf 2027-01-15 of 2027-01-15T09:00"), DateTimeOffset.UnixEpoch);
        var clock = new SimulatedClock(start);
        var store = new InMemoryWorkflowStore();
        var definitions = new InMemoryWorkflowDefinitionStore();
        await using var services = SimulatedEngine.Create(clock, store, definitions, activities);
        var model = FlowJson.TryParse(flow, out var parseError);
        if (model?.Id is not { } flowId) return Refused(new("$", parseError?.ToString() ?? "de flow heeft geen id"), start);
        var titles = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var importer = services.GetRequiredService<WorkflowDefinitionService>();
        foreach (var other in others.Append(flow))
        {
            if (FlowJson.TryParse(other, out _) is not { Id: { } id } otherModel || (id == flowId && !ReferenceEquals(other, flow))) continue;
            var imported = await importer.ImportAsync(other, ct: ct);
            if (!imported.Succeeded && id == flowId)
                return Refused(new("$", "de flow heeft fouten: " + string.Join("; ", imported.Errors.Select(e => e.ToString()))), start);
            titles[id] = Titles(otherModel);
        }
        var timeline = new TestDriveTimeline(clock, titles);
        store.Committed = timeline.Record;
        var run = new Run(services.GetRequiredService<WorkflowRuntime>(), store, clock);
        var problem = await run.StartAsync(flowId, scenario.Input, ct) is { } refused ? new TestDriveProblem("$.input", refused) : null;
        for (var i = 0; problem is null && i < (scenario.Steps?.Count ?? 0); i++)
        {
            var message = await run.TakeAsync(scenario.Steps![i], ct);
            if (message is not null) problem = new TestDriveProblem($"$.steps[{i}]", message);
        }
        return run.Result(timeline.Events, problem);
    }

    private static TestDriveResult Refused(TestDriveProblem problem, DateTimeOffset now) => new([], [], [], null, now, null, problem);

    private static IReadOnlyDictionary<string, string> Titles(WorkflowDefinitionModel model)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = model.Name ?? model.Id ?? "" };
        foreach (var activity in model.Activities ?? [])
            if (activity.Id is { } id) titles[id] = activity.DisplayName ?? id;
        return titles;
    }
}
