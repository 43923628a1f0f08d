using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

public sealed class HumanTaskFlowTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CompleteTask_ResumesAndCreatesNextTask_WhenOutcomeIsChosen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flows.TwoTasks);

        var started = await engine.Runtime.StartAsync("two-tasks", correlationId: "C-001");
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        var intake = await engine.SingleOpenTaskAsync("C-001");
        Assert.Equal("Aanmelding", intake.Title);
        Assert.Equal("Professional", intake.CandidateGroup);
        // 5 werkdagen from Monday 2 March 2026 09:00 UTC (10:00 Amsterdam) is Monday 9 March, same time.
        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), intake.DueAt);
        Assert.Equal(["Acuut", "Regulier"], intake.Outcomes);

        var result = await engine.Runtime.CompleteTaskAsync(intake.Id, "Regulier",
            new Dictionary<string, object?> { ["hulpvraag"] = "Hoe verder met dit gezin?" }, "prof1");

        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        var triage = await engine.SingleOpenTaskAsync("C-001");
        Assert.Equal("Triage", triage.Title);
        var instance = await engine.Store.FindInstanceAsync(started.InstanceId);
        var saved = Assert.IsType<Dictionary<string, object?>>(instance!.Variables["aanmelding"]);
        Assert.Equal("Regulier", saved["outcome"]);
        Assert.Equal("prof1", saved["completedBy"]);
        Assert.Equal("Hoe verder met dit gezin?", saved["hulpvraag"]);
        var completed = await engine.Store.FindTaskAsync(intake.Id);
        Assert.Equal(UserTaskStatus.Completed, completed!.Status);
        Assert.Equal("prof1", completed.CompletedBy);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CompleteTask_FinishesInstanceAndJournalsEveryStep_WhenLastTaskIsDone(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flows.TwoTasks);
        var started = await engine.Runtime.StartAsync("two-tasks", correlationId: "C-002");
        var intake = await engine.SingleOpenTaskAsync("C-002");
        await engine.Runtime.CompleteTaskAsync(intake.Id, "Acuut", new Dictionary<string, object?> { ["hulpvraag"] = "Acuut onveilig" });
        var spoed = await engine.SingleOpenTaskAsync("C-002");
        Assert.Equal("voorzitter", spoed.Assignee);

        await engine.Runtime.CompleteTaskAsync(spoed.Id, "Klaar");

        var instance = await engine.Store.FindInstanceAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, instance!.Status);
        Assert.Empty(await engine.Store.GetBookmarksAsync(started.InstanceId));
        var journal = await engine.Store.GetJournalAsync(started.InstanceId);
        Assert.Equal(
            ["intake:Suspended:", "intake:Completed:Acuut", "spoed:Suspended:", "spoed:Completed:Klaar", "end:Completed:Finish"],
            journal.Select(j => $"{j.ActivityId}:{j.Event}:{j.Outcome}"));
        Assert.Single(engine.Notifications.Of<InstanceFinished>());
        Assert.Equal(2, engine.Notifications.Of<TaskCompleted>().Count);
    }

    [Theory]
    [InlineData("Misschien", null, "'Misschien' is not an outcome")]
    [InlineData("Regulier", null, "hulpvraag: Vul dit veld in.")]
    [InlineData("Regulier", "", "hulpvraag: Vul dit veld in.")]
    public async Task CompleteTask_IsRejectedAndChangesNothing_WhenInputIsInvalid(string outcome, string? hulpvraag, string message)
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        await engine.Runtime.StartAsync("two-tasks", correlationId: "C-003");
        var intake = await engine.SingleOpenTaskAsync("C-003");
        var data = hulpvraag is null ? null : new Dictionary<string, object?> { ["hulpvraag"] = hulpvraag };

        var result = await engine.Runtime.CompleteTaskAsync(intake.Id, outcome, data);

        Assert.Equal(ResumeOutcome.Rejected, result.Outcome);
        Assert.Contains(message, result.Message);
        var still = await engine.SingleOpenTaskAsync("C-003");
        Assert.Equal(intake.Id, still.Id);
        Assert.Equal(intake.Version, still.Version);
    }

    [Fact]
    public async Task CompleteTask_ReportsAlreadyHandled_WhenTaskWasCompletedBefore()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        await engine.Runtime.StartAsync("two-tasks", correlationId: "C-004");
        var intake = await engine.SingleOpenTaskAsync("C-004");
        var data = new Dictionary<string, object?> { ["hulpvraag"] = "x" };
        await engine.Runtime.CompleteTaskAsync(intake.Id, "Regulier", data, "eerste");

        var second = await engine.Runtime.CompleteTaskAsync(intake.Id, "Acuut", data, "tweede");

        Assert.Equal(ResumeOutcome.AlreadyHandled, second.Outcome);
        Assert.Contains("already afgerond", second.Message);
        Assert.Equal("Triage", (await engine.SingleOpenTaskAsync("C-004")).Title);
    }

    [Fact]
    public async Task CompleteTask_KeepsEngineState_WhenANotificationHandlerThrows()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        engine.Notifications.FailOnTaskTitle = "Triage";
        await engine.Runtime.StartAsync("two-tasks", correlationId: "C-005");
        var intake = await engine.SingleOpenTaskAsync("C-005");

        var result = await engine.Runtime.CompleteTaskAsync(intake.Id, "Regulier", new Dictionary<string, object?> { ["hulpvraag"] = "x" });

        Assert.Equal(ResumeOutcome.Resumed, result.Outcome);
        Assert.Equal("Triage", (await engine.SingleOpenTaskAsync("C-005")).Title);
        // Later notifications of the same pass still went out.
        Assert.Contains(engine.Notifications.Of<TaskCompleted>(), n => n.TaskId == intake.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OpenTasks_ListMineAndMyGroupsOverdueFirst_WhenQueriedForAnInbox(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync("""
        { "id": "inbox", "name": "Inbox", "start": "f",
          "activities": [
            { "id": "f", "type": "Fork", "inputs": { "branches": ["A", "B", "C", "D"] } },
            { "id": "mine-late", "type": "HumanTask", "inputs": { "title": "Mijn, bijna", "assignee": "prof1", "due": "P1D" } },
            { "id": "group-soon", "type": "HumanTask", "inputs": { "title": "Team, eerder", "candidateGroup": "Wijkteam", "due": "PT2H" } },
            { "id": "other-group", "type": "HumanTask", "inputs": { "title": "Ander team", "candidateGroup": "RvtChair", "due": "PT1H" } },
            { "id": "mine-nodue", "type": "HumanTask", "inputs": { "title": "Mijn, zonder termijn", "assignee": "prof1" } } ],
          "connections": [ { "source": "f", "outcome": "A", "target": "mine-late" }, { "source": "f", "outcome": "B", "target": "group-soon" },
                           { "source": "f", "outcome": "C", "target": "other-group" }, { "source": "f", "outcome": "D", "target": "mine-nodue" } ] }
        """);
        await engine.Runtime.StartAsync("inbox", correlationId: "INBOX");

        var inbox = await engine.Store.FindOpenTasksAsync(new Workflows.Persistence.TaskQuery(Assignee: "prof1", CandidateGroups: ["Wijkteam"]));
        var page = await engine.Store.FindOpenTasksAsync(new Workflows.Persistence.TaskQuery(Assignee: "prof1", CandidateGroups: ["Wijkteam"], Skip: 1, Take: 1));

        Assert.Equal(["Team, eerder", "Mijn, bijna", "Mijn, zonder termijn"], inbox.Select(t => t.Title));
        Assert.Equal(["Mijn, bijna"], page.Select(t => t.Title));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task OpenTasks_ListGivenStepsOfOneFlow_WhoeverHoldsThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync("""
        { "id": "tafel", "name": "Tafel", "start": "f",
          "activities": [
            { "id": "f", "type": "Fork", "inputs": { "branches": ["A", "B", "C"] } },
            { "id": "voorbereiden", "type": "HumanTask", "inputs": { "title": "Voorbereiden", "assignee": "prof1", "due": "P2D" } },
            { "id": "advies", "type": "HumanTask", "inputs": { "title": "Advies", "candidateGroup": "RvtChair", "due": "P1D" } },
            { "id": "anders", "type": "HumanTask", "inputs": { "title": "Iets anders", "assignee": "prof1" } } ],
          "connections": [ { "source": "f", "outcome": "A", "target": "voorbereiden" }, { "source": "f", "outcome": "B", "target": "advies" },
                           { "source": "f", "outcome": "C", "target": "anders" } ] }
        """);
        await engine.Runtime.StartAsync("tafel", correlationId: "TAFEL");

        var steps = await engine.Store.FindOpenTasksAsync(new Workflows.Persistence.TaskQuery(DefinitionId: "tafel", ActivityIds: ["voorbereiden", "advies"]));
        var otherFlow = await engine.Store.FindOpenTasksAsync(new Workflows.Persistence.TaskQuery(DefinitionId: "inbox", ActivityIds: ["advies"]));

        Assert.Equal(["Advies", "Voorbereiden"], steps.Select(t => t.Title));
        Assert.Empty(otherFlow);
    }
}
