using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Hangfire;

/// <summary>
/// At start-up: every overdue timer fires (once: the bookmark can be consumed only once), every pending
/// timer is scheduled again when Hangfire's storage is in memory and forgot them
/// (<see cref="TimerOptions.ReschedulePendingOnStart"/>), every signal a flow sent and that was not delivered is
/// delivered, and the periodic sweep is registered. This is what makes a restart lose no timer and no signal.
/// </summary>
public sealed class TimerRecoveryService(
    WorkflowRuntime runtime,
    IWorkflowStore store,
    ITimerScheduler scheduler,
    IRecurringJobManager recurring,
    TimeProvider clock,
    IOptions<TimerOptions> options,
    ILogger<TimerRecoveryService> logger) : IHostedService
{
    public const string SweepJobId = "processengine-timer-sweep";

    public async Task StartAsync(CancellationToken ct)
    {
        var fired = await runtime.FireDueTimersAsync(ct);
        var scheduled = options.Value.ReschedulePendingOnStart ? await ScheduleAllPendingAsync(ct) : 0;
        // Signals stored but not delivered when the process stopped: what a crash between a sender's commit and
        // its delivery left. Another node delivering one at the same moment is harmless (a bookmark is consumed once).
        var delivered = await runtime.DeliverPendingSignalsAsync(TimeSpan.Zero, ct);
        recurring.AddOrUpdate<TimerJob>(SweepJobId, job => job.SweepAsync(CancellationToken.None), options.Value.SweepCron);
        logger.LogInformation("Recovery: fired {Fired} overdue timer(s), scheduled {Scheduled} pending timer(s), delivered {Delivered} sent signal(s)",
            fired, scheduled, delivered);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private async Task<int> ScheduleAllPendingAsync(CancellationToken ct)
    {
        var count = 0;
        var after = clock.GetUtcNow();
        var afterId = Guid.Empty;
        while (true)
        {
            var page = await store.FindPendingTimersAsync(after, afterId, options.Value.RecoveryPageSize, ct);
            foreach (var timer in page) scheduler.Schedule(timer.Id, timer.DueAt!.Value);
            count += page.Count;
            if (page.Count < options.Value.RecoveryPageSize) return count;
            (after, afterId) = (page[^1].DueAt!.Value, page[^1].Id);
        }
    }
}
