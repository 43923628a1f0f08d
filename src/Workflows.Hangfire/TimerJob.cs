using Hangfire;
using Microsoft.Extensions.Logging;
using ProcessEngine.Workflows.Diagnostics;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Hangfire;

/// <summary>
/// What Hangfire runs. It loads everything from the database; a timer already fired (by another node,
/// the sweep, or an earlier attempt) is a no-op. A timer woken early (Hangfire's clock ahead of ours)
/// is put back for its due time.
/// </summary>
public sealed class TimerJob(WorkflowRuntime runtime, ITimerScheduler scheduler, IWorkflowStore store, ILogger<TimerJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task FireAsync(Guid timerId, CancellationToken ct)
    {
        using var span = EngineTracing.Source.StartActivity("timer job");
        var result = await runtime.FireTimerAsync(timerId, ct);
        span?.SetTag("processengine.outcome", result.Outcome.ToString());
        if (result.Outcome == ResumeOutcome.NotDue && await store.FindBookmarkAsync(timerId, ct) is { DueAt: { } due })
            scheduler.Schedule(timerId, due);
        logger.LogInformation("Timer {TimerId}: {Outcome} {Message}", timerId, result.Outcome, result.Message);
    }

    /// <summary>
    /// The periodic safety net: fires every due timer whose own job was lost, and delivers every signal a flow sent
    /// that a crash kept from its delivery (sent a minute ago or more: younger ones are still being delivered).
    /// </summary>
    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task SweepAsync(CancellationToken ct)
    {
        using var span = EngineTracing.Source.StartActivity("timer sweep");
        var fired = await runtime.FireDueTimersAsync(ct);
        if (fired > 0) logger.LogWarning("The timer sweep fired {Count} due timer(s) that no scheduled job had fired", fired);
        var delivered = await runtime.DeliverPendingSignalsAsync(TimeSpan.FromMinutes(1), ct);
        if (delivered > 0) logger.LogWarning("The sweep delivered {Count} sent signal(s) that their delivery after commit had not", delivered);
    }
}
