using Microsoft.Extensions.Logging;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Signals: received from outside (<see cref="SignalAsync"/>), and sent by flows (SendSignal), which the pass
/// stores with its own commit (<see cref="SentSignal"/>) and delivers right after it; what a crash kept from
/// being delivered, start-up and the periodic sweep deliver (<see cref="DeliverPendingSignalsAsync"/>).
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Resumes every bookmark waiting for this signal on the correlation (or instance); returns how many.</summary>
    /// <param name="alongside">The caller's audit line: committed with the first bookmark the signal resumes or defers, if any.</param>
    public Task<int> SignalAsync(string name, string? correlationId, Guid? instanceId = null,
        IReadOnlyDictionary<string, object?>? payload = null, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) =>
        ReceiveAsync(name, correlationId, instanceId, payload, alongside, waitingSince: null, ct);

    /// <param name="waitingSince">When given, only bookmarks created at or before it receive the signal (a stored signal's send moment).</param>
    private async Task<int> ReceiveAsync(string name, string? correlationId, Guid? instanceId, IReadOnlyDictionary<string, object?>? payload,
        IUnitOfWorkPart? alongside, DateTimeOffset? waitingSince, CancellationToken ct)
    {
        var waiting = (await services.Store.FindSignalBookmarksAsync(name, correlationId, instanceId, ct))
            .Where(b => waitingSince is null || b.CreatedAt <= waitingSince);
        var resumed = 0;
        foreach (var candidate in waiting)
        {
            var result = await WithRetryAsync(resumed == 0 ? alongside : null, async pass =>
            {
                var state = await pass.LoadAsync(candidate.InstanceId, ct);
                var live = state?.Bookmarks.Find(b => b.Id == candidate.Id);
                if (state is null || live is null) return ResumeResult.AlreadyHandled($"Signal '{name}' was already received.");
                if (!state.Instance.IsActive) return ResumeResult.Rejected($"The flow is {state.Instance.Status}.", state.Instance.Id);
                if (live.IsHeld)
                {
                    if (live.DeferredSignalJson is not null) return ResumeResult.AlreadyHandled($"Signal '{name}' is already waiting for the release.");
                    live.DeferSignal(payload ?? EmptyData);
                    pass.MarkUpdated(live);
                    return null;
                }
                pass.Changes.Notifications.Add(new SignalReceived(name, candidate.InstanceId, candidate.ActivityId, candidate.CorrelationId));
                pass.Resume(state, live, new ResumeInput(BookmarkKind.Signal) { Data = payload ?? EmptyData });
                await pass.RunAsync(state, ct);
                return null;
            }, ct);
            if (result.Outcome == ResumeOutcome.Resumed) resumed++;
        }
        return resumed;
    }

    /// <summary>
    /// Delivers the stored signals sent at least <paramref name="minimumAge"/> ago and not yet delivered (a crash
    /// came between the sender's commit and the delivery); returns how many were delivered. The age keeps the
    /// sweep from racing a delivery that is just happening on another node; racing would be harmless (a bookmark
    /// is consumed once), only wasted work.
    /// </summary>
    public Task<int> DeliverPendingSignalsAsync(TimeSpan minimumAge, CancellationToken ct = default) =>
        PagedSweep.RunAsync(max => services.SignalOutbox.FindUndeliveredAsync(Now - minimumAge, max, ct), signal => signal.Id,
            signal => DeliverAsync(signal, ct));

    /// <summary>
    /// Hands a stored signal to the bookmarks that were waiting when it was sent, then removes it. A failure leaves
    /// it stored for the sweep: the sender's step is committed and must not turn into an error for its caller.
    /// </summary>
    private async Task<bool> DeliverAsync(SentSignal signal, CancellationToken ct)
    {
        try
        {
            await ReceiveAsync(signal.Name, signal.CorrelationId, signal.TargetInstanceId, signal.Payload, null, signal.SentAt, ct);
            await services.SignalOutbox.MarkDeliveredAsync(signal.Id, ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Signal {SignalName} ({SignalId}) is stored but could not be delivered now; the sweep delivers it",
                signal.Name, signal.Id);
            return false;
        }
    }
}
