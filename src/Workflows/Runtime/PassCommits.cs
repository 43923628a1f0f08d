using Microsoft.Extensions.Logging;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// How a pass becomes durable: one commit (the participants' parts, then the caller's), and only after it the
/// effects that must not happen for a rolled-back pass (timers scheduled, notifications published, sent signals
/// delivered). A commit that loses a race re-runs the step on fresh state.
/// </summary>
internal sealed class PassCommits(RuntimeServices services, ILogger logger, Func<SentSignal, CancellationToken, Task<bool>> deliver)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Runs <paramref name="step"/> in a fresh pass and commits it. A step returns a result when there is
    /// nothing to commit, or null after it ran the engine. <paramref name="alongside"/> is committed with the
    /// step's changes, in every attempt's transaction anew.
    /// </summary>
    public async Task<ResumeResult> WithRetryAsync(IUnitOfWorkPart? alongside, Func<ExecutionPass, Task<ResumeResult?>> step, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var pass = new ExecutionPass(services);
            var early = await step(pass);
            if (early is not null) return early;
            if (alongside is not null) pass.Changes.Parts.Add(alongside);
            try
            {
                var changes = await CommitAsync(pass, ct);
                var touched = changes.Updated.Count > 0 ? changes.Updated[0].Instance : changes.Created[0];
                return new ResumeResult(ResumeOutcome.Resumed, touched.Id, touched.Status) { Committed = true };
            }
            catch (ConcurrencyConflictException ex) when (attempt < MaxAttempts)
            {
                logger.LogDebug(ex, "Concurrent change, attempt {Attempt}; retrying on fresh state", attempt);
            }
        }
    }

    public async Task<WorkflowChanges> CommitAsync(ExecutionPass pass, CancellationToken ct)
    {
        var changes = pass.Seal();
        // Before the caller's parts: the caller's audit line comes last, as it may queue on the chain's lock (held to COMMIT).
        foreach (var participant in services.Participants)
            if (await participant.PrepareAsync(changes, ct) is { } part) changes.Parts.Insert(0, part);
        using (var span = Diagnostics.EngineTracing.Source.StartActivity("pass commit"))
        {
            span?.SetTag("processengine.instances", changes.Created.Count + changes.Updated.Count);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await services.Store.CommitAsync(changes, ct);
            Diagnostics.EngineMetrics.PassCommitted(changes, System.Diagnostics.Stopwatch.GetElapsedTime(started), services.Clock.GetUtcNow());
        }
        foreach (var timer in changes.AddedBookmarks.Concat(changes.RescheduledTimers))
            if (timer.Kind == BookmarkKind.Timer && !changes.RemovedBookmarks.Contains(timer)) ScheduleAfterCommit(timer);
        if (changes.Notifications.Count > 0) await services.Notifications.PublishAsync(changes.Notifications, ct);
        foreach (var signal in changes.SignalsSent) await deliver(signal, ct);
        return changes;
    }

    /// <summary>
    /// The timer row is already committed, so a scheduler that fails (Hangfire storage down, say) must not
    /// turn a done step into an error for the caller: the periodic sweep and start-up recovery fire it.
    /// </summary>
    private void ScheduleAfterCommit(Bookmark timer)
    {
        try
        {
            services.Timers.Schedule(timer.Id, timer.DueAt!.Value);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Timer {TimerId} (due {DueAt:O}) is stored but could not be scheduled; the timer sweep will fire it", timer.Id, timer.DueAt);
        }
    }
}
