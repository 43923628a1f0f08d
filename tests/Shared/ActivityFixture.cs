using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Activities;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Tests.Shared;

/// <summary>
/// Runs one activity (linked into the activity library's and the RVT domain's tests) in a one-activity flow through the real runtime on the in-memory store: fast,
/// no database, the same code path as production. Timers are recorded by a scheduler that remembers
/// what it was asked; they are fired by moving the clock and calling the engine's due-timer entry point.
/// </summary>
public sealed class ActivityFixture : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    /// <param name="activities">The activities the flow may use; the generic library when not given.</param>
    public ActivityFixture(Action<ActivityRegistry>? activities = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddMediator();
        services.AddWorkflowEngine(activities ?? (r => r.AddGenericActivities()));
        services.AddInMemoryWorkflowStore();
        services.AddSingleton<ITimerScheduler>(Scheduled);
        _services = services.BuildServiceProvider();
    }

    /// <summary>Friday 18 December 2026, 10:00 in Amsterdam.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 18, 9, 0, 0, TimeSpan.Zero));
    public RecordingScheduler Scheduled { get; } = new();
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();

    public async Task<StartResult> RunSingleAsync(string type, string inputs, IReadOnlyDictionary<string, object?>? input = null)
    {
        var id = "single-" + Guid.NewGuid().ToString("N")[..8];
        var json = $$"""{ "id": "{{id}}", "name": "Eén activiteit", "activities": [ { "id": "it", "type": "{{type}}", "inputs": {{inputs}} } ] }""";
        var published = await _services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(json);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors));
        return await Runtime.StartAsync(id, input, correlationId: id);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

public sealed class RecordingScheduler : ITimerScheduler
{
    public List<(Guid TimerId, DateTimeOffset DueAt)> Calls { get; } = [];
    /// <summary>Makes the scheduler fail, as Hangfire's storage would when it is down.</summary>
    public bool Broken { get; set; }

    public void Schedule(Guid timerId, DateTimeOffset dueAt)
    {
        if (Broken) throw new InvalidOperationException("scheduler storage unavailable");
        Calls.Add((timerId, dueAt));
    }
}
