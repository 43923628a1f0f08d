using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Tests.Runtime;

/// <summary>
/// The runtime on its own: the in-memory store, the test activities beside this file, no database, no
/// Hangfire and no activity library. Each test reads the outcome from the store and the journal.
/// </summary>
public sealed class FlowchartRuntimeTests : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public FlowchartRuntimeTests()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
        services.AddMediator();
        services.AddWorkflowEngine(r => r.AddFromAssemblyOf<StepActivity>());
        services.AddInMemoryWorkflowStore();
        services.AddSingleton<ITimerScheduler, NoTimers>();
        _services = services.BuildServiceProvider();
    }

    private WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    private IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();

    [Fact]
    public async Task AFlow_FollowsTheOutcomeAnExpressionChose_AndFinishes()
    {
        await PublishAsync("""
            { "id": "choose", "name": "Kiezen",
              "activities": [
                { "id": "pick", "type": "Step", "inputs": { "outcome": { "expression": "input.route" }, "choices": ["Links", "Rechts"] } },
                { "id": "left", "type": "Step" }, { "id": "right", "type": "Step" } ],
              "connections": [ { "source": "pick", "outcome": "Links", "target": "left" }, { "source": "pick", "outcome": "Rechts", "target": "right" } ] }
            """);

        var started = await Runtime.StartAsync("choose", new Dictionary<string, object?> { ["route"] = "Rechts" }, "C-1");

        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal(["pick:Completed:Rechts", "right:Completed:Done"], await JournalAsync(started.InstanceId));
    }

    [Fact]
    public async Task TwoBranches_MeetOnce_WhenBothHaveArrived()
    {
        await PublishAsync("""
            { "id": "branches", "name": "Takken",
              "activities": [ { "id": "split", "type": "Split" }, { "id": "a", "type": "Step" }, { "id": "b", "type": "Step" },
                { "id": "meet", "type": "Meet" }, { "id": "after", "type": "Step" } ],
              "connections": [ { "source": "split", "outcome": "Left", "target": "a" }, { "source": "split", "outcome": "Right", "target": "b" },
                { "source": "a", "target": "meet" }, { "source": "b", "target": "meet" }, { "source": "meet", "target": "after" } ] }
            """);

        var started = await Runtime.StartAsync("branches", correlationId: "C-2");

        Assert.Equal(WorkflowStatus.Finished, started.Status);
        var journal = await JournalAsync(started.InstanceId);
        Assert.Single(journal, line => line.StartsWith("meet:Completed", StringComparison.Ordinal));
        Assert.Equal(1, Convert.ToInt32((await Store.FindInstanceAsync(started.InstanceId))!.Variables["runs.after"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ASignal_ResumesTheWaitingStepOnce_WithWhatCameWithIt()
    {
        await PublishAsync("""
            { "id": "wait", "name": "Wachten",
              "activities": [ { "id": "await", "type": "Await", "inputs": { "signal": "Verder" } }, { "id": "done", "type": "Step" } ],
              "connections": [ { "source": "await", "target": "done" } ] }
            """);
        var started = await Runtime.StartAsync("wait", correlationId: "C-3");
        Assert.Equal(WorkflowStatus.Suspended, started.Status);

        var first = await Runtime.SignalAsync("Verder", "C-3", payload: new Dictionary<string, object?> { ["door"] = "voorzitter" });
        var second = await Runtime.SignalAsync("Verder", "C-3");

        Assert.Equal((1, 0), (first, second));
        var instance = (await Store.FindInstanceAsync(started.InstanceId))!;
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        var received = Assert.IsType<Dictionary<string, object?>>(instance.Variables["received"]);
        Assert.Equal("voorzitter", received["door"]);
        Assert.Equal(["await:Suspended:", "await:Completed:Done", "done:Completed:Done"], await JournalAsync(started.InstanceId));
    }

    [Fact]
    public async Task AFailingStep_FaultsTheInstanceWithAnIncident_AndARetryRunsItAgainWithoutRepeatingWhatRan()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N");
        FragileActivity.SetDown(service, true);
        await PublishAsync($$"""
            { "id": "fragile", "name": "Kwetsbaar",
              "activities": [ { "id": "before", "type": "Step" }, { "id": "call", "type": "Fragile", "inputs": { "service": "{{service}}" } },
                { "id": "after", "type": "Step" } ],
              "connections": [ { "source": "before", "target": "call" }, { "source": "call", "target": "after" } ] }
            """);
        var started = await Runtime.StartAsync("fragile", correlationId: "C-4");
        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("call", incident.ActivityId);

        FragileActivity.SetDown(service, false);
        var retried = await Runtime.RetryAsync(started.InstanceId);

        Assert.Equal(ResumeOutcome.Resumed, retried.Outcome);
        var instance = (await Store.FindInstanceAsync(started.InstanceId))!;
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Empty(await Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal(1, Convert.ToInt32(instance.Variables["runs.before"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task PublishAsync(string json)
    {
        var result = await _services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(json);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    private async Task<List<string>> JournalAsync(Guid instanceId) =>
        [.. (await Store.GetJournalAsync(instanceId)).OrderBy(j => j.Sequence).Select(j => $"{j.ActivityId}:{j.Event}:{j.Outcome}")];

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class NoTimers : ITimerScheduler
    {
        public void Schedule(Guid timerId, DateTimeOffset dueAt) => throw new InvalidOperationException("these flows have no timers");
    }
}
