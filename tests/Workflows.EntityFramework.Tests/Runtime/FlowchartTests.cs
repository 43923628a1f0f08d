using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

public sealed class FlowchartTests
{
    private const string ForkJoin = """
    {
      "id": "fork-join", "name": "Netwerkberaad voorbereiden",
      "activities": [
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["Formeel", "Informeel"] } },
        { "id": "formeel", "type": "HumanTask", "inputs": { "title": "Formeel netwerk uitnodigen" } },
        { "id": "informeel", "type": "HumanTask", "inputs": { "title": "Informeel netwerk uitnodigen" } },
        { "id": "join", "type": "Join" },
        { "id": "hold", "type": "HumanTask", "inputs": { "title": "Netwerkberaad houden" } }
      ],
      "connections": [
        { "source": "fork", "outcome": "Formeel", "target": "formeel" },
        { "source": "fork", "outcome": "Informeel", "target": "informeel" },
        { "source": "formeel", "outcome": "Afgerond", "target": "join" },
        { "source": "informeel", "outcome": "Afgerond", "target": "join" },
        { "source": "join", "target": "hold" }
      ]
    }
    """;

    [Fact]
    public async Task Join_WaitsForEveryBranch_WhenForkStartedTwo()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(ForkJoin);
        await engine.Runtime.StartAsync("fork-join", correlationId: "NB-1");
        var open = await engine.OpenTasksAsync("NB-1");
        Assert.Equal(["Formeel netwerk uitnodigen", "Informeel netwerk uitnodigen"], open.Select(t => t.Title).Order());

        await engine.Runtime.CompleteTaskAsync(open.Single(t => t.ActivityId == "formeel").Id, "Afgerond");
        Assert.Equal(["informeel"], (await engine.OpenTasksAsync("NB-1")).Select(t => t.ActivityId));

        await engine.Runtime.CompleteTaskAsync(open.Single(t => t.ActivityId == "informeel").Id, "Afgerond");
        Assert.Equal("Netwerkberaad houden", (await engine.SingleOpenTaskAsync("NB-1")).Title);
    }

    private const string Child = """
    {
      "id": "duo-reflectie", "name": "Duo-reflectie",
      "activities": [
        { "id": "reflect", "type": "HumanTask", "inputs": { "title": "Reflectie", "outcomes": ["Goed genoeg"], "resultVariable": "reflectie" } }
      ],
      "connections": []
    }
    """;

    private const string Parent = """
    {
      "id": "duo-route", "name": "Begeleiding in duo",
      "activities": [
        { "id": "sub", "type": "RunSubflow", "inputs": { "flow": "duo-reflectie", "input": { "duo": "ervaringsdeskundige" }, "resultVariable": "uitkomst" } },
        { "id": "close", "type": "HumanTask", "inputs": { "title": "Afsluiten" } }
      ],
      "connections": [ { "source": "sub", "target": "close" } ]
    }
    """;

    [Fact]
    public async Task RunSubflow_ResumesParentWithChildVariables_WhenChildFinishes()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Child);
        await engine.PublishAsync(Parent);
        var parent = await engine.Runtime.StartAsync("duo-route", correlationId: "D-1");

        var childTask = await engine.SingleOpenTaskAsync("D-1");
        Assert.Equal("duo-reflectie", childTask.DefinitionId);
        var child = await engine.Store.FindInstanceAsync(childTask.InstanceId);
        Assert.Equal(parent.InstanceId, child!.ParentInstanceId);
        Assert.Equal("ervaringsdeskundige", child.ReadInput()["duo"]);
        Assert.Equal(WorkflowStatus.Suspended, (await engine.Store.FindInstanceAsync(parent.InstanceId))!.Status);

        await engine.Runtime.CompleteTaskAsync(childTask.Id, "Goed genoeg", user: "duo1");

        Assert.Equal(WorkflowStatus.Finished, (await engine.Store.FindInstanceAsync(child.Id))!.Status);
        Assert.Equal("Afsluiten", (await engine.SingleOpenTaskAsync("D-1")).Title);
        var parentState = await engine.Store.FindInstanceAsync(parent.InstanceId);
        var outcome = Assert.IsType<Dictionary<string, object?>>(parentState!.Variables["uitkomst"]);
        var reflectie = Assert.IsType<Dictionary<string, object?>>(outcome["reflectie"]);
        Assert.Equal("Goed genoeg", reflectie["outcome"]);
    }

    [Fact]
    public async Task Cancel_CancelsChildAndItsTasks_WhenParentIsCancelled()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Child);
        await engine.PublishAsync(Parent);
        var parent = await engine.Runtime.StartAsync("duo-route", correlationId: "D-2");
        var childTask = await engine.SingleOpenTaskAsync("D-2");

        var result = await engine.Runtime.CancelAsync(parent.InstanceId);

        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        Assert.Empty(await engine.OpenTasksAsync("D-2"));
        Assert.Equal(WorkflowStatus.Cancelled, (await engine.Store.FindInstanceAsync(childTask.InstanceId))!.Status);
        Assert.Equal(UserTaskStatus.Cancelled, (await engine.Store.FindTaskAsync(childTask.Id))!.Status);
        Assert.Equal(ResumeOutcome.AlreadyHandled, (await engine.Runtime.CancelAsync(parent.InstanceId)).Outcome);
    }

    private const string SignalFlow = """
    {
      "id": "stopknop-demo", "name": "Stopknop",
      "activities": [
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["Werk", "Stop"] } },
        { "id": "work", "type": "HumanTask", "inputs": { "title": "Gewoon werk" } },
        { "id": "stop", "type": "WaitForSignal", "inputs": { "signal": "Stopknop", "resultVariable": "stop" } },
        { "id": "review", "type": "HumanTask", "inputs": { "title": "Stopknop beoordelen", "candidateGroup": "RvtChair", "due": "P1D" } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "source": "fork", "outcome": "Werk", "target": "work" },
        { "source": "fork", "outcome": "Stop", "target": "stop" },
        { "source": "stop", "target": "review" },
        { "source": "review", "outcome": "Afgerond", "target": "end" }
      ]
    }
    """;

    [Fact]
    public async Task Signal_ResumesWaitingBranchOnce_WhenSentToTheCorrelation()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(SignalFlow);
        await engine.Runtime.StartAsync("stopknop-demo", correlationId: "S-1");
        await engine.Runtime.StartAsync("stopknop-demo", correlationId: "S-2");

        var resumed = await engine.Runtime.SignalAsync("Stopknop", "S-1", payload: new Dictionary<string, object?> { ["reden"] = "hulp schaadt" });
        var again = await engine.Runtime.SignalAsync("Stopknop", "S-1");

        Assert.Equal(1, resumed);
        Assert.Equal(0, again);
        Assert.Equal(["Gewoon werk", "Stopknop beoordelen"], (await engine.OpenTasksAsync("S-1")).Select(t => t.Title).Order());
        Assert.Equal(["Gewoon werk"], (await engine.OpenTasksAsync("S-2")).Select(t => t.Title));
    }

    [Fact]
    public async Task End_CancelsOtherBranchesTasks_WhenReached()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(SignalFlow);
        var started = await engine.Runtime.StartAsync("stopknop-demo", correlationId: "S-3");
        await engine.Runtime.SignalAsync("Stopknop", "S-3");
        var review = (await engine.OpenTasksAsync("S-3")).Single(t => t.Title == "Stopknop beoordelen");

        await engine.Runtime.CompleteTaskAsync(review.Id, "Afgerond");

        Assert.Empty(await engine.OpenTasksAsync("S-3"));
        Assert.Equal(WorkflowStatus.Finished, (await engine.Store.FindInstanceAsync(started.InstanceId))!.Status);
        Assert.Empty(await engine.Store.GetBookmarksAsync(started.InstanceId));
        var journal = await engine.Store.GetJournalAsync(started.InstanceId);
        Assert.Equal(["end:Completed", "work:Cancelled"], journal.TakeLast(2).Select(j => $"{j.ActivityId}:{j.Event}"));
    }

    [Theory]
    [InlineData(true, "Spoed")]
    [InlineData(false, "Regulier")]
    public async Task Decision_TakesOutcomeFromExpression_WhenInputSaysSo(bool acuut, string expected)
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync("""
        {
          "id": "decide", "name": "Beslis",
          "activities": [
            { "id": "d", "type": "Decision", "inputs": { "outcome": { "expression": "input.acuut ? 'Spoed' : 'Regulier'" }, "outcomes": ["Spoed", "Regulier"] } },
            { "id": "spoed", "type": "SetVariable", "inputs": { "variable": "route", "value": "Spoed" } },
            { "id": "regulier", "type": "SetVariable", "inputs": { "variable": "route", "value": { "expression": "'Regulier'" } } }
          ],
          "connections": [ { "source": "d", "outcome": "Spoed", "target": "spoed" }, { "source": "d", "outcome": "Regulier", "target": "regulier" } ]
        }
        """);

        var started = await engine.Runtime.StartAsync("decide", new Dictionary<string, object?> { ["acuut"] = acuut });

        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal(expected, (await engine.Store.FindInstanceAsync(started.InstanceId))!.Variables["route"]);
    }
}
