using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

/// <summary>Claiming, giving back and handing on a task, on the real SQLite store: one winner, nothing lost.</summary>
public sealed class TaskAssignmentTests
{
    [Fact]
    public async Task Claim_AssignsATeamTask_ToExactlyOneOfTwoRacingColleagues()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        await engine.Runtime.StartAsync("two-tasks", correlationId: "C-CLAIM");
        var task = await engine.SingleOpenTaskAsync("C-CLAIM");

        var results = await Task.WhenAll(
            engine.Runtime.ClaimTaskAsync(task.Id, "prof1", ["Professional"]),
            engine.Runtime.ClaimTaskAsync(task.Id, "prof2", ["Professional"]));

        Assert.Equal(1, results.Count(r => r.Outcome == ResumeOutcome.Resumed));
        Assert.Equal(1, results.Count(r => r.Outcome == ResumeOutcome.AlreadyHandled));
        var winner = results[0].Outcome == ResumeOutcome.Resumed ? "prof1" : "prof2";
        Assert.Equal(winner, (await engine.Store.FindTaskAsync(task.Id))!.Assignee);
        Assert.Contains(engine.Notifications.All.OfType<TaskAssigned>(), n => n.TaskId == task.Id && n.Assignee == winner);
    }

    [Fact]
    public async Task ClaimReleaseReassign_ArePersisted_AndOnlyAllowedMovesHappen()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TwoTasks);
        await engine.Runtime.StartAsync("two-tasks", correlationId: "C-HANDS");
        var task = await engine.SingleOpenTaskAsync("C-HANDS");

        Assert.Equal(ResumeOutcome.Rejected, (await engine.Runtime.ClaimTaskAsync(task.Id, "manager", ["Manager"])).Outcome);
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.ClaimTaskAsync(task.Id, "prof1", ["Professional"])).Outcome);
        Assert.Equal(ResumeOutcome.AlreadyHandled, (await engine.Runtime.ReleaseTaskAsync(task.Id, "prof2")).Outcome);
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.ReleaseTaskAsync(task.Id, "prof1")).Outcome);
        Assert.Null((await engine.Store.FindTaskAsync(task.Id))!.Assignee);
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.ReassignTaskAsync(task.Id, "prof2", "voorzitter")).Outcome);

        var moved = (await engine.Store.FindTaskAsync(task.Id))!;
        Assert.Equal(("prof2", UserTaskStatus.Open), (moved.Assignee, moved.Status));
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(moved.Id, "Regulier",
            new Dictionary<string, object?> { ["hulpvraag"] = "Hoe verder?" }, "prof2")).Outcome);
        Assert.Equal(ResumeOutcome.AlreadyHandled, (await engine.Runtime.ClaimTaskAsync(task.Id, "prof1", ["Professional"])).Outcome);
    }
}
