using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

internal sealed partial class TimedStore
{
    public Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default) => inner.CountActiveInstancesAsync(ct);

    public Task<IReadOnlyList<UserTask>> FindOverdueTasksAsync(DateTimeOffset now, int skip, int take, CancellationToken ct = default) =>
        inner.FindOverdueTasksAsync(now, skip, take, ct);

    public Task<IReadOnlyList<UserTask>> FindTasksWaitingSinceAsync(DateTimeOffset createdBefore, int skip, int take, CancellationToken ct = default) =>
        inner.FindTasksWaitingSinceAsync(createdBefore, skip, take, ct);

    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesOfFlowAsync(string definitionId, int skip, int take, CancellationToken ct = default) =>
        inner.FindInstancesOfFlowAsync(definitionId, skip, take, ct);

    public Task<IReadOnlyList<Incident>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default) =>
        inner.FindOpenIncidentsAsync(skip, take, ct);
}
