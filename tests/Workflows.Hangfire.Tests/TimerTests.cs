using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using Hangfire;
using Hangfire.Storage;
using ProcessEngine.Workflows.Hangfire;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.Hangfire.Tests;

public sealed class TimerTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Timer_FiresOnlyOnceItIsDue_WhenClockMoves(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flows.TimerThenTask);
        var started = await engine.Runtime.StartAsync("timer-then-task", correlationId: "M-1");
        var timer = Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));
        // P3M from 2 March 2026 10:00 Amsterdam (CET) is 2 June 10:00 (CEST), 08:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 8, 0, 0, TimeSpan.Zero), timer.DueAt);

        engine.Clock.Advance(TimeSpan.FromDays(91));
        Assert.Equal(0, await engine.Runtime.FireDueTimersAsync());
        Assert.Empty(await engine.OpenTasksAsync("M-1"));

        engine.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await engine.Runtime.FireDueTimersAsync());
        Assert.Equal("Evaluatie maatregel", (await engine.SingleOpenTaskAsync("M-1")).Title);
        Assert.Single(engine.Notifications.Of<TimerFired>());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Timer_ResumesOnce_WhenItFiresTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flows.TimerThenTask);
        var started = await engine.Runtime.StartAsync("timer-then-task", correlationId: "M-2");
        var timer = Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));
        engine.Clock.Advance(TimeSpan.FromDays(100));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.Runtime.FireTimerAsync(timer.Id)));
        var late = await engine.Runtime.FireTimerAsync(timer.Id);

        Assert.Equal(1, results.Count(r => r.Outcome == ResumeOutcome.Resumed));
        Assert.All(results.Where(r => r.Outcome != ResumeOutcome.Resumed), r => Assert.Equal(ResumeOutcome.AlreadyHandled, r.Outcome));
        Assert.Equal(ResumeOutcome.AlreadyHandled, late.Outcome);
        Assert.Single(await engine.OpenTasksAsync("M-2"));
        Assert.Single(engine.Notifications.Of<TimerFired>());
    }

    [Fact]
    public async Task FireTimer_ReportsNotDue_WhenWokenEarly()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TimerThenTask);
        var started = await engine.Runtime.StartAsync("timer-then-task", correlationId: "M-3");
        var timer = Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));

        var result = await engine.Runtime.FireTimerAsync(timer.Id);

        Assert.Equal(ResumeOutcome.NotDue, result.Outcome);
        Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));
    }

    [Fact]
    public async Task Timer_IsScheduledInHangfireWithOnlyItsId_WhenCreated()
    {
        await using var engine = await TestEngine.StartAsync();
        await engine.PublishAsync(Flows.TimerThenTask);
        var started = await engine.Runtime.StartAsync("timer-then-task", correlationId: "M-4");
        var timer = Assert.Single(await engine.Store.GetBookmarksAsync(started.InstanceId));

        var scheduled = engine.Hangfire.GetMonitoringApi().ScheduledJobs(0, 10);

        var job = Assert.Single(scheduled).Value;
        Assert.Equal("FireAsync", job.Job.Method.Name);
        Assert.Equal(timer.Id, Assert.IsType<Guid>(job.Job.Args[0]));
        Assert.Equal(timer.DueAt!.Value.UtcDateTime, job.EnqueueAt, TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Restart_FiresOverdueTimersOnceAndReschedulesPending_WhenSecondRuntimeOpensSameDatabase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var path = database.Connection;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Guid overdue, pending;
        await using (var first = await TestEngine.StartAsync(path, clock))
        {
            await first.PublishAsync(Flows.TimerThenTask);
            await first.PublishAsync(Flows.TimerThenTask.Replace("timer-then-task", "short-timer").Replace("P3M", "P1D"));
            overdue = (await first.Runtime.StartAsync("short-timer", correlationId: "R-1")).InstanceId;
            pending = (await first.Runtime.StartAsync("timer-then-task", correlationId: "R-2")).InstanceId;
        }
        clock.Advance(TimeSpan.FromDays(2));

        await using var second = await TestEngine.StartAsync(path, clock);
        await second.RunStartupRecoveryAsync();
        await second.RunStartupRecoveryAsync();

        Assert.Equal("Evaluatie maatregel", (await second.SingleOpenTaskAsync("R-1")).Title);
        Assert.Single(second.Notifications.Of<TimerFired>(), n => n.InstanceId == overdue);
        var pendingTimer = Assert.Single(await second.Store.GetBookmarksAsync(pending));
        var jobs = second.Hangfire.GetMonitoringApi().ScheduledJobs(0, 10).Select(j => (Guid)j.Value.Job.Args[0]).ToList();
        Assert.Contains(pendingTimer.Id, jobs);
        using var connection = second.Hangfire.GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), r => r.Id == TimerRecoveryService.SweepJobId);
    }
}
