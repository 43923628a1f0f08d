using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

/// <summary>
/// The screens' queries on an in-memory store's dictionaries, read under the store's lock. A class of its own
/// (not a part of the store) because it has another audience: the dashboard and studio, not the runtime.
/// </summary>
public sealed class InMemoryWorkflowMonitoring(InMemoryWorkflowStore store) : IWorkflowMonitoring
{
    private readonly Lock _gate = store.Gate;
    private readonly IReadOnlyDictionary<Guid, WorkflowInstance> _instances = store.Instances;
    private readonly IReadOnlyDictionary<Guid, UserTask> _tasks = store.Tasks;
    private readonly IReadOnlyDictionary<Guid, Bookmark> _bookmarks = store.Bookmarks;
    private readonly IReadOnlyDictionary<Guid, Incident> _incidents = store.Incidents;
    private readonly IReadOnlyList<Fact> _facts = store.Facts;

    private static readonly Func<UserTask, OpenTaskRow> ToRow = OpenTaskRow.FromTask.Compile();

    public Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<string, int>>(_instances.Values.Where(i => i.IsActive)
                .GroupBy(i => i.DefinitionId).ToDictionary(g => g.Key, g => g.Count()));
    }

    public Task<IReadOnlyList<InstanceRow>> FindInstancesOfFlowAsync(string definitionId, InstanceFilter filter, int skip, int take,
        CancellationToken ct = default) =>
        ReadList(() => filter.Apply(_instances.Values.Where(i => i.DefinitionId == definitionId).AsQueryable(),
                _bookmarks.Values.AsQueryable())
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(skip).Take(take)
            .Select(i => new InstanceRow(i.Id, i.DefinitionVersion, i.Status, i.ParentInstanceId, i.CreatedAt, i.UpdatedAt, i.FinishedAt)));

    public Task<IReadOnlyList<IncidentRow>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default) =>
        ReadList(() => _incidents.Values.Where(i => i.ResolvedAt is null).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(skip).Take(take)
            .Select(i => (Incident: i, Instance: _instances.GetValueOrDefault(i.InstanceId)))
            .Select(x => new IncidentRow(x.Incident.Id, x.Incident.InstanceId, x.Instance?.DefinitionId, x.Instance?.CorrelationId, x.Incident.ActivityId,
                x.Incident.ActivityType, x.Incident.ExceptionType, x.Incident.Message, x.Incident.CreatedAt)));

    public Task<IReadOnlyList<FactCount>> CountFactsByDayAsync(DateOnly from, DateOnly to, string dimension, CancellationToken ct = default)
    {
        var first = FactDayCount.DayOf(from);
        var end = FactDayCount.DayOf(to);
        lock (_gate)
        {
            var rows = _facts.Where(f => FactDayCount.DayOf(f.OccurredAt) is var day && day >= first && day < end)
                .SelectMany(f => FactDayCount.KeysOf(f).Select(k => (f.Name, k.Dimension, k.Value, Count: 1)))
                .GroupBy(r => (r.Name, r.Dimension, r.Value)).Select(g => (g.Key.Name, g.Key.Dimension, g.Key.Value, g.Count())).ToList();
            return Task.FromResult(FactDayCounting.Combine(rows, dimension));
        }
    }

    public Task<IReadOnlyList<OpenTaskRow>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take, CancellationToken ct = default) =>
        ReadList(() => filter.Apply(Overdue(now).AsQueryable()).OrderBy(t => t.DueAt).ThenBy(t => t.Id).Skip(skip).Take(take).AsEnumerable().Select(ToRow));

    public Task<IReadOnlyList<OverdueGroup>> SummarizeOverdueTasksAsync(DateTimeOffset now, CancellationToken ct = default) =>
        ReadList(() => Overdue(now).GroupBy(t => (t.CandidateGroup, t.DefinitionId, t.ActivityId))
            .Select(g => new OverdueGroup(g.Key.CandidateGroup, g.Key.DefinitionId, g.Key.ActivityId, g.Min(t => t.Title)!, g.Count(), g.Min(t => t.DueAt)!.Value))
            .OrderBy(g => g.OldestDueAt));

    public Task<IReadOnlyList<OpenTaskRow>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default) =>
        ReadList(() => Stuck(rule).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Skip(skip).Take(take).Select(ToRow));

    public Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(Stuck(rule).Count());
    }

    public Task<int> CountSlowedTasksAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_tasks.Values.Count(t => t.IsSlowedAt(now)));
    }

    public Task<int> CountOpenIncidentsAsync(CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_incidents.Values.Count(i => i.ResolvedAt is null));
    }

    public Task<IReadOnlyList<LeadTimeBucket>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
        CancellationToken ct = default) =>
        ReadList(() => _instances.Values
            .Where(i => i.Status == WorkflowStatus.Finished && i.FinishedAt is { } f && definitionIds.Contains(i.DefinitionId) && f >= bounds[0] && f < bounds[^1])
            .GroupBy(i => (i.DefinitionId, Period: Period(i.FinishedAt!.Value, bounds), Days: (int)Math.Floor((i.FinishedAt!.Value - i.CreatedAt).TotalDays)))
            .Select(g => new LeadTimeBucket(g.Key.DefinitionId, g.Key.Period, g.Key.Days, g.Count())));

    // Straight from the bookmarks, by the same day arithmetic the database's rollup uses.
    public Task<IReadOnlyList<WaitingAtActivity>> SummarizeWaitingAsync(string definitionId, DateTimeOffset now, CancellationToken ct = default) =>
        ReadList(() => WaitingOf(definitionId).GroupBy(x => (x.Bookmark.ActivityId, x.Bookmark.Kind))
            .Select(g => WaitingDays.Summarize(g.Key.ActivityId, g.Key.Kind, WaitingDays.DayOf(now), g.Select(x => (WaitingDays.DayOf(x.Bookmark.CreatedAt),
                x.Bookmark.DueAt is { } due ? WaitingDays.DayOf(due) : WaitingDays.NoDueDay, 1))))
            .OrderBy(w => w.ActivityId, StringComparer.Ordinal));

    public Task<IReadOnlyList<WaitingInstanceRow>> FindWaitingAtAsync(string definitionId, string activityId, int take, CancellationToken ct = default) =>
        ReadList(() => WaitingOf(definitionId).Where(x => x.Bookmark.ActivityId == activityId)
            .OrderBy(x => x.Bookmark.CreatedAt).ThenBy(x => x.Bookmark.Id).Take(take)
            .Select(x => new WaitingInstanceRow(x.Instance.Id, x.Instance.DefinitionVersion, x.Instance.CorrelationId, x.Bookmark.Kind, x.Bookmark.CreatedAt,
                x.Bookmark.DueAt)));

    private IEnumerable<(Bookmark Bookmark, WorkflowInstance Instance)> WaitingOf(string definitionId) =>
        _bookmarks.Values.Select(b => (Bookmark: b, Instance: _instances.GetValueOrDefault(b.InstanceId)))
            .Where(x => x.Instance?.DefinitionId == definitionId).Select(x => (x.Bookmark, x.Instance!));

    private static int Period(DateTimeOffset moment, IReadOnlyList<DateTimeOffset> bounds)
    {
        for (var i = 1; i < bounds.Count; i++) if (moment < bounds[i]) return i - 1;
        return bounds.Count - 2;
    }

    private Task<IReadOnlyList<T>> ReadList<T>(Func<IEnumerable<T>> read)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<T>>(read().ToList());
    }

    private IEnumerable<UserTask> Overdue(DateTimeOffset now) => _tasks.Values.Where(t => t.Status == UserTaskStatus.Open && t.DueAt < now);

    private IEnumerable<UserTask> Stuck(StuckRule rule)
    {
        var predicate = rule.Predicate().Compile();
        return _tasks.Values.Where(t => t.Status == UserTaskStatus.Open && predicate(t));
    }
}
