using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>Re-runs the faulted activity (and what was queued behind it) and resolves the open incidents.</summary>
    public Task<ResumeResult> RetryAsync(Guid instanceId, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) =>
        WithRetryAsync(alongside, async pass =>
    {
        var state = await pass.LoadAsync(instanceId, ct);
        if (state is null) return ResumeResult.NotFound($"No instance {instanceId}.");
        if (state.Instance.Status != WorkflowStatus.Faulted)
            return ResumeResult.AlreadyHandled($"Instance {instanceId} is {state.Instance.Status}, not faulted.", instanceId);
        foreach (var incident in await services.Store.GetOpenIncidentsAsync(instanceId, ct))
        {
            incident.Resolve(Now);
            pass.Changes.ResolvedIncidents.Add(incident);
        }
        var pending = state.Instance.TakePendingForRetry(Now);
        pass.Journal(state, state.Graph.Node(pending[0]), JournalEvent.Retried, null, Now);
        foreach (var activityId in pending) state.Queue.Enqueue(new WorkItem(state.Graph.Node(activityId), null));
        await pass.RunAsync(state, ct);
        return null;
    }, ct);

    /// <summary>
    /// Stops an instance: its tasks are cancelled, its children too; nothing is deleted. A <paramref name="reason"/> (an
    /// operator's) is written in the instance's journal first.
    /// </summary>
    public Task<ResumeResult> CancelAsync(Guid instanceId, IUnitOfWorkPart? alongside = null, CancellationToken ct = default, string? reason = null) =>
        WithRetryAsync(alongside, async pass =>
    {
        var state = await pass.LoadAsync(instanceId, ct);
        if (state is null) return ResumeResult.NotFound($"No instance {instanceId}.");
        if (state.Instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled)
            return ResumeResult.AlreadyHandled($"Instance {instanceId} is already {state.Instance.Status}.", instanceId);
        if (!string.IsNullOrWhiteSpace(reason))
            pass.Changes.Journal.Add(JournalEntry.Create(instanceId, state.Instance.NextJournalSequence(), "", "Beheer", JournalEvent.Cancelled, null, Now, Now,
                $"Gestopt door beheer: {reason.Trim()}"));
        await pass.EndAsync(state, WorkflowStatus.Cancelled, ct);
        return null;
    }, ct);
}
