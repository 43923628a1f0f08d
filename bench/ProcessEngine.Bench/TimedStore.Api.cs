using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

// The list and report queries pass straight through: --breakdown times only what a resume step calls.
internal sealed partial class TimedStore
{
    public Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default) => inner.CountActiveInstancesAsync(ct);

    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesOfFlowAsync(string definitionId, int skip, int take, CancellationToken ct = default) =>
        inner.FindInstancesOfFlowAsync(definitionId, skip, take, ct);

    public Task<IReadOnlyList<Incident>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default) =>
        inner.FindOpenIncidentsAsync(skip, take, ct);

    public Task<IReadOnlyList<FactCount>> CountFactsByDayAsync(DateOnly from, DateOnly to, string dimension, CancellationToken ct = default) =>
        inner.CountFactsByDayAsync(from, to, dimension, ct);

    public Task<IReadOnlyList<UserTask>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take, CancellationToken ct = default) =>
        inner.FindOverdueTasksAsync(now, filter, skip, take, ct);

    public Task<IReadOnlyList<OverdueGroup>> SummarizeOverdueTasksAsync(DateTimeOffset now, CancellationToken ct = default) =>
        inner.SummarizeOverdueTasksAsync(now, ct);

    public Task<IReadOnlyList<UserTask>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default) =>
        inner.FindStuckTasksAsync(rule, skip, take, ct);

    public Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default) => inner.CountStuckTasksAsync(rule, ct);

    public Task<int> CountOpenIncidentsAsync(CancellationToken ct = default) => inner.CountOpenIncidentsAsync(ct);

    public Task<IReadOnlyList<LeadTimeCount>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
        CancellationToken ct = default) => inner.CountLeadTimesAsync(definitionIds, bounds, ct);
}
