using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;
using ProcessEngine.Workflows.Tests.Runtime;

namespace ProcessEngine.Workflows.Tests.Security;

/// <summary>
/// Attack: a decision whose expression runs a catastrophically backtracking regular expression over a casus's text, which
/// without a match limit keeps a worker busy for hours. The step fails within the limit as an incident whose text names the
/// activity and the kind of failure, never the text the pattern ran on.
/// </summary>
public sealed class RegexIncidentAttackTests : IAsyncDisposable
{
    private const string Secret = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!";
    private readonly ServiceProvider _services;

    public RegexIncidentAttackTests()
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

    [Fact]
    public async Task A_decision_with_an_evil_regular_expression_becomes_an_incident_within_the_limit_without_the_text()
    {
        var imported = await _services.GetRequiredService<WorkflowDefinitionService>().ImportAsync("""
            { "id": "regex-aanval", "name": "Patroon",
              "activities": [
                { "id": "kies", "type": "Step", "inputs": { "outcome": { "expression": "/(a+)+$/.test(input.tekst) ? 'Ja' : 'Nee'" }, "choices": ["Ja", "Nee"] } },
                { "id": "ja", "type": "Step" }, { "id": "nee", "type": "Step" } ],
              "connections": [ { "source": "kies", "target": "ja", "outcome": "Ja" }, { "source": "kies", "target": "nee", "outcome": "Nee" } ] }
            """);
        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        var watch = Stopwatch.StartNew();

        var started = await _services.GetRequiredService<WorkflowRuntime>().StartAsync("regex-aanval",
            new Dictionary<string, object?> { ["tekst"] = Secret }, correlationId: "C-regex");

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var store = _services.GetRequiredService<IWorkflowStore>();
        var incident = Assert.Single(await store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("kies", incident.ActivityId);
        Assert.EndsWith("failed: a regular expression in it ran longer than its time limit", incident.Message);
        Assert.DoesNotContain("aaaaaaaaaa", incident.Message + incident.StackTrace);
        var faulted = Assert.Single(await store.GetJournalAsync(started.InstanceId), j => j.Event == JournalEvent.Faulted);
        Assert.Equal(incident.Message, faulted.Message);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private sealed class NoTimers : ITimerScheduler
    {
        public void Schedule(Guid timerId, DateTimeOffset dueAt) => throw new InvalidOperationException("this flow has no timers");
    }
}
