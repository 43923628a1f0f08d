using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

public sealed class IncidentTests
{
    private const string FlakyFlow = """
    { "id": "flaky-flow", "name": "Storing",
      "activities": [
        { "id": "before", "type": "SetVariable", "inputs": { "variable": "stap", "value": 1 } },
        { "id": "call", "type": "FlakyExternalCall", "inputs": { "key": "KEY" } },
        { "id": "after", "type": "HumanTask", "inputs": { "title": "Na de koppeling" } }
      ],
      "connections": [ { "source": "before", "target": "call" }, { "source": "call", "target": "after" } ] }
    """;

    [Fact]
    public async Task Activity_FaultsInstanceWithIncident_AndRetryContinues_WhenTheFaultIsGone()
    {
        await using var engine = await TestEngine.StartAsync(moreActivities: r => r.Add<FlakyExternalCall>());
        var key = Guid.NewGuid().ToString();
        await engine.PublishAsync(FlakyFlow.Replace("KEY", key));
        FlakyExternalCall.Failing.Add(key);

        var started = await engine.Runtime.StartAsync("flaky-flow", correlationId: "INC-1");

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("call", incident.ActivityId);
        Assert.Equal("Koppeling niet bereikbaar", incident.Message);
        Assert.Contains(nameof(FlakyExternalCall), incident.StackTrace);
        Assert.Single(engine.Notifications.Of<InstanceFaulted>(), n => n.IncidentId == incident.Id);
        Assert.Equal(1L, (await engine.Store.FindInstanceAsync(started.InstanceId))!.Variables["stap"]);

        FlakyExternalCall.Failing.Remove(key);
        var retried = await engine.Runtime.RetryAsync(started.InstanceId);

        Assert.Equal(ResumeOutcome.Resumed, retried.Outcome);
        Assert.Equal(WorkflowStatus.Suspended, retried.Status);
        Assert.Empty(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("Na de koppeling", (await engine.SingleOpenTaskAsync("INC-1")).Title);
        var journal = await engine.Store.GetJournalAsync(started.InstanceId);
        Assert.Equal(["before:Completed", "call:Faulted", "call:Retried", "call:Completed", "after:Suspended"], journal.Select(j => $"{j.ActivityId}:{j.Event}"));
    }

    [Fact]
    public async Task RunSubflow_RecordsIncident_WhenChildFlowIsNotPublished()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync("""
        { "id": "orphan-parent", "name": "Zonder kind",
          "activities": [ { "id": "sub", "type": "RunSubflow", "inputs": { "flow": "bestaat-niet" } } ], "connections": [] }
        """);

        var started = await engine.Runtime.StartAsync("orphan-parent");

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        Assert.Equal("RunSubflow 'sub' starts a flow that has no published version.", incident.Message);
        Assert.Empty(await engine.Store.GetBookmarksAsync(started.InstanceId));
    }

    [Fact]
    public async Task Retry_ReportsAlreadyHandled_WhenInstanceIsNotFaulted()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        var started = await engine.Runtime.StartAsync("two-tasks");

        var result = await engine.Runtime.RetryAsync(started.InstanceId);

        Assert.Equal(ResumeOutcome.AlreadyHandled, result.Outcome);
    }

    [Fact]
    public async Task Decision_RecordsIncident_WhenExpressionChoosesUnknownOutcome()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync("""
        { "id": "bad-decision", "name": "Foute beslissing",
          "activities": [ { "id": "d", "type": "Decision", "inputs": { "outcome": { "expression": "input.antwoord" }, "outcomes": ["Ja", "Nee"] } } ],
          "connections": [] }
        """);

        var started = await engine.Runtime.StartAsync("bad-decision", new Dictionary<string, object?> { ["antwoord"] = "Anders" });

        Assert.Equal(WorkflowStatus.Faulted, started.Status);
        var incident = Assert.Single(await engine.Store.GetOpenIncidentsAsync(started.InstanceId));
        // The value chosen came from the instance: the text names the outcomes, not what was chosen.
        Assert.Equal("Decision 'd' chose a value that is not one of its outcomes: Ja, Nee.", incident.Message);
    }
}

/// <summary>Stands in for a call to another system that is down until the test says it is back.</summary>
[Activity("FlakyExternalCall", Category = "Test")]
public sealed class FlakyExternalCall : Activity
{
    public static readonly HashSet<string> Failing = [];

    [Input(Required = true)]
    public Input<string> Key { get; set; } = new((string?)null);

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        lock (Failing)
            if (Failing.Contains(context.Get(Key)!)) throw new ActivityFaultException("Koppeling niet bereikbaar");
        return ValueTask.FromResult(ActivityResult.Done);
    }
}
