using Hangfire;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Runtime;

/// <summary>A signal that pauses the traject (the Stopknop): waiting steps are held, not lost.</summary>
public sealed class HoldTests
{
    private const string StopFlow = """
    {
      "id": "stop-hold", "name": "Stopknop met pauze",
      "activities": [
        { "id": "fork", "type": "Fork", "inputs": { "branches": ["Werk", "Termijn", "Stop"] } },
        { "id": "work", "type": "HumanTask", "inputs": { "title": "Afspraken nakomen" } },
        { "id": "timer", "type": "Delay", "inputs": { "duration": "P2W" } },
        { "id": "evaluate", "type": "HumanTask", "inputs": { "title": "Evaluatie" } },
        { "id": "stop", "type": "WaitForSignal", "inputs": { "signal": "Stopknop", "interrupt": "Vasthouden", "resultVariable": "stop" } },
        { "id": "review", "type": "HumanTask", "inputs": { "title": "Stopknop beoordelen", "candidateGroup": "RvtChair",
            "outcomes": ["Doorgaan", "Andere route", "Afsluiten"] } },
        { "id": "resume", "type": "ReleaseHold", "inputs": { "mode": "Hervatten" } },
        { "id": "cancel", "type": "ReleaseHold", "inputs": { "mode": "Annuleren" } },
        { "id": "other", "type": "HumanTask", "inputs": { "title": "Andere route starten" } },
        { "id": "end", "type": "End" }
      ],
      "connections": [
        { "source": "fork", "outcome": "Werk", "target": "work" },
        { "source": "fork", "outcome": "Termijn", "target": "timer" },
        { "source": "timer", "target": "evaluate" },
        { "source": "fork", "outcome": "Stop", "target": "stop" },
        { "source": "stop", "target": "review" },
        { "source": "review", "outcome": "Doorgaan", "target": "resume" },
        { "source": "resume", "target": "stop" },
        { "source": "review", "outcome": "Andere route", "target": "cancel" },
        { "source": "cancel", "target": "other" },
        { "source": "review", "outcome": "Afsluiten", "target": "end" }
      ]
    }
    """;

    private static async Task<(TestEngine Engine, UserTask Work, Bookmark Timer)> StartHeldAsync(string correlation)
    {
        var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(StopFlow);
        var started = await engine.Runtime.StartAsync("stop-hold", correlationId: correlation);
        var work = await engine.SingleOpenTaskAsync(correlation);
        var timer = (await engine.Store.GetBookmarksAsync(started.InstanceId)).Single(b => b.Kind == BookmarkKind.Timer);
        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", correlation, payload: new Dictionary<string, object?> { ["reden"] = "hulp schaadt" }));
        return (engine, work, timer);
    }

    [Fact]
    public async Task Stopknop_HoldsTasksAndTimers_UntilReviewSaysContinue()
    {
        var (engine, work, timer) = await StartHeldAsync("STOP-1");
        await using var _ = engine;
        var data = new Dictionary<string, object?>();

        var whileHeld = await engine.Runtime.CompleteTaskAsync(work.Id, "Afgerond", data);
        engine.Clock.Advance(TimeSpan.FromDays(20));
        var firedWhileHeld = await engine.Runtime.FireDueTimersAsync();
        var heldTimer = await engine.Runtime.FireTimerAsync(timer.Id);

        Assert.Equal(ResumeOutcome.Held, whileHeld.Outcome);
        Assert.Equal(0, firedWhileHeld);
        Assert.Equal(ResumeOutcome.Held, heldTimer.Outcome);
        var open = await engine.OpenTasksAsync("STOP-1");
        Assert.Equal(UserTaskStatus.OnHold, open.Single(t => t.Id == work.Id).Status);
        var review = open.Single(t => t.Title == "Stopknop beoordelen");
        Assert.Equal(UserTaskStatus.Open, review.Status);

        await engine.Runtime.CompleteTaskAsync(review.Id, "Doorgaan", data, "voorzitter");

        Assert.Equal(UserTaskStatus.Open, (await engine.Store.FindTaskAsync(work.Id))!.Status);
        // The timer came due during the pause: it is handed to Hangfire again and fires at once.
        var rescheduled = engine.Hangfire.GetMonitoringApi().ScheduledJobs(0, 20).Count(j => (Guid)j.Value.Job.Args[0] == timer.Id);
        Assert.Equal(2, rescheduled);
        Assert.Equal(1, await engine.Runtime.FireDueTimersAsync());
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync(work.Id, "Afgerond", data)).Outcome);
        Assert.Equal(["Evaluatie"], (await engine.OpenTasksAsync("STOP-1")).Select(t => t.Title));
        // And the Stopknop can be pressed again.
        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", "STOP-1"));
    }

    [Fact]
    public async Task Stopknop_CancelsHeldWork_WhenReviewChangesRoute()
    {
        var (engine, work, timer) = await StartHeldAsync("STOP-2");
        await using var _ = engine;
        var review = (await engine.OpenTasksAsync("STOP-2")).Single(t => t.Title == "Stopknop beoordelen");

        await engine.Runtime.CompleteTaskAsync(review.Id, "Andere route");

        Assert.Equal(UserTaskStatus.Cancelled, (await engine.Store.FindTaskAsync(work.Id))!.Status);
        Assert.Null(await engine.Store.FindBookmarkAsync(timer.Id));
        Assert.Equal(["Andere route starten"], (await engine.OpenTasksAsync("STOP-2")).Select(t => t.Title));
    }

    [Fact]
    public async Task Hold_ReachesIntoSubflows_WhenTheParentIsPaused()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync("""
        { "id": "child-work", "name": "Kind", "activities": [ { "id": "t", "type": "HumanTask", "inputs": { "title": "Werk in deelproces" } } ] }
        """);
        await engine.PublishAsync("""
        { "id": "parent-hold", "name": "Ouder",
          "activities": [
            { "id": "fork", "type": "Fork", "inputs": { "branches": ["Sub", "Stop"] } },
            { "id": "sub", "type": "RunSubflow", "inputs": { "flow": "child-work" } },
            { "id": "stop", "type": "WaitForSignal", "inputs": { "signal": "Stopknop", "interrupt": "Vasthouden" } },
            { "id": "review", "type": "HumanTask", "inputs": { "title": "Beoordelen" } }
          ],
          "connections": [
            { "source": "fork", "outcome": "Sub", "target": "sub" }, { "source": "fork", "outcome": "Stop", "target": "stop" },
            { "source": "stop", "target": "review" } ] }
        """);
        await engine.Runtime.StartAsync("parent-hold", correlationId: "STOP-3");
        var childTask = await engine.SingleOpenTaskAsync("STOP-3");

        await engine.Runtime.SignalAsync("Stopknop", "STOP-3");

        Assert.Equal(UserTaskStatus.OnHold, (await engine.Store.FindTaskAsync(childTask.Id))!.Status);
        Assert.Equal(ResumeOutcome.Held, (await engine.Runtime.CompleteTaskAsync(childTask.Id, "Afgerond")).Outcome);
    }

    [Fact]
    public async Task CancelHeldWork_ForgetsJoinTokens_SoALaterPassWaitsForEveryBranchAgain()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync("""
        { "id": "join-after-cancel", "name": "Join na annuleren", "start": "fork",
          "activities": [
            { "id": "fork", "type": "Fork", "inputs": { "branches": ["Werk", "Stop"] } },
            { "id": "both", "type": "Fork", "inputs": { "branches": ["A", "B"] } },
            { "id": "a", "type": "HumanTask", "inputs": { "title": "A" } },
            { "id": "b", "type": "HumanTask", "inputs": { "title": "B" } },
            { "id": "join", "type": "Join" },
            { "id": "after", "type": "HumanTask", "inputs": { "title": "Na beide" } },
            { "id": "stop", "type": "WaitForSignal", "inputs": { "signal": "Stopknop", "interrupt": "Vasthouden" } },
            { "id": "review", "type": "HumanTask", "inputs": { "title": "Beoordelen", "outcomes": ["Opnieuw"] } },
            { "id": "cancel", "type": "ReleaseHold", "inputs": { "mode": "Annuleren" } }
          ],
          "connections": [
            { "source": "fork", "outcome": "Werk", "target": "both" }, { "source": "fork", "outcome": "Stop", "target": "stop" },
            { "source": "both", "outcome": "A", "target": "a" }, { "source": "both", "outcome": "B", "target": "b" },
            { "source": "a", "outcome": "Afgerond", "target": "join" }, { "source": "b", "outcome": "Afgerond", "target": "join" },
            { "source": "join", "target": "after" },
            { "source": "stop", "target": "review" }, { "source": "review", "outcome": "Opnieuw", "target": "cancel" },
            { "source": "cancel", "target": "both" }, { "source": "cancel", "target": "stop" } ] }
        """);
        await engine.Runtime.StartAsync("join-after-cancel", correlationId: "JOIN-1");
        var open = await engine.OpenTasksAsync("JOIN-1");
        await engine.Runtime.CompleteTaskAsync(open.Single(t => t.Title == "A").Id, "Afgerond");
        await engine.Runtime.SignalAsync("Stopknop", "JOIN-1");
        var review = (await engine.OpenTasksAsync("JOIN-1")).Single(t => t.Title == "Beoordelen");

        await engine.Runtime.CompleteTaskAsync(review.Id, "Opnieuw");
        var again = await engine.OpenTasksAsync("JOIN-1");
        await engine.Runtime.CompleteTaskAsync(again.Single(t => t.Title == "A").Id, "Afgerond");

        Assert.DoesNotContain(await engine.OpenTasksAsync("JOIN-1"), t => t.Title == "Na beide");
        Assert.Equal(["B"], (await engine.OpenTasksAsync("JOIN-1")).Select(t => t.Title));
    }
}
