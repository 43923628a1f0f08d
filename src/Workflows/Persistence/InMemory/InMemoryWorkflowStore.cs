using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

/// <summary>
/// The engine's store in process memory, for runs that need no durability (activity tests, the in-memory
/// benchmark). It keeps the same promises as the database stores: a commit is all-or-nothing, checks
/// versions and consumed bookmarks, and readers get copies they cannot use to change stored state.
/// </summary>
public sealed partial class InMemoryWorkflowStore : IWorkflowStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, WorkflowInstance> _instances = [];
    private readonly Dictionary<Guid, Bookmark> _bookmarks = [];
    private readonly Dictionary<Guid, UserTask> _tasks = [];
    private readonly List<JournalEntry> _journal = [];
    private readonly Dictionary<Guid, Incident> _incidents = [];
    private readonly List<Fact> _facts = [];
    private readonly Dictionary<Guid, SentSignal> _signals = [];

    // What the monitoring's queries read, always under the gate.
    internal Lock Gate => _gate;
    internal IReadOnlyDictionary<Guid, WorkflowInstance> Instances => _instances;
    internal IReadOnlyDictionary<Guid, UserTask> Tasks => _tasks;
    internal IReadOnlyDictionary<Guid, Bookmark> Bookmarks => _bookmarks;
    internal IReadOnlyDictionary<Guid, Incident> Incidents => _incidents;
    internal IReadOnlyList<Fact> Facts => _facts;

    public Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct = default) =>
        Read(() => _instances.GetValueOrDefault(instanceId)?.Clone());

    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default) =>
        ReadList(() => instanceIds.Distinct().Select(id => _instances.GetValueOrDefault(id)).OfType<WorkflowInstance>().Select(i => i.Clone()));

    public Task<InstanceSnapshot?> LoadInstanceAsync(Guid instanceId, CancellationToken ct = default) => Read(() =>
        _instances.TryGetValue(instanceId, out var instance)
            ? new InstanceSnapshot(instance.Clone(), [.. _bookmarks.Values.Where(b => b.InstanceId == instanceId).Select(b => b.Clone())])
            : null);

    public Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct = default) =>
        ReadList(() => _bookmarks.Values.Where(b => b.InstanceId == instanceId).Select(b => b.Clone()));

    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct = default) =>
        Read(() => _bookmarks.GetValueOrDefault(bookmarkId)?.Clone());

    public Task<UserTask?> FindTaskAsync(Guid taskId, CancellationToken ct = default) =>
        Read(() => _tasks.GetValueOrDefault(taskId)?.Clone());

    public Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        ReadList(() => _bookmarks.Values.Where(b => b.Kind == BookmarkKind.Timer && b.DueAt <= now && !b.IsHeld)
            .OrderBy(b => b.DueAt).ThenBy(b => b.Id).Take(max).Select(b => b.Clone()));

    public Task<IReadOnlyList<Bookmark>> FindPendingTimersAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default) =>
        ReadList(() => _bookmarks.Values
            .Where(b => b.Kind == BookmarkKind.Timer && (b.DueAt > after || (b.DueAt == after && b.Id.CompareTo(afterId) > 0)))
            .OrderBy(b => b.DueAt).ThenBy(b => b.Id).Take(max).Select(b => b.Clone()));

    public Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, Guid? instanceId, CancellationToken ct = default) =>
        ReadList(() => _bookmarks.Values.Where(b => b.Kind == BookmarkKind.Signal && b.SignalName == signalName
                && (correlationId == null || b.CorrelationId == correlationId) && (instanceId == null || b.InstanceId == instanceId))
            .OrderBy(b => b.Id).Select(b => b.Clone()));

    public Task<IReadOnlyList<Incident>> GetOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default) =>
        ReadList(() => _incidents.Values.Where(i => i.InstanceId == instanceId && i.ResolvedAt == null).Select(i => i.Clone()));

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct = default) =>
        ReadList(() => _journal.Where(j => j.InstanceId == instanceId).OrderBy(j => j.Sequence));

    public Task<IReadOnlyList<UserTask>> FindOpenTasksAsync(TaskQuery query, CancellationToken ct = default) =>
        ReadList(() => _tasks.Values
            .Where(t => t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold)
            .Where(t => query.UnassignedOnly
                ? t.Assignee == null && query.CandidateGroups != null && query.CandidateGroups.Contains(t.CandidateGroup!)
                : (query.Assignee == null && query.CandidateGroups == null) || t.Assignee == query.Assignee
                    || (t.Assignee == null && query.CandidateGroups != null && query.CandidateGroups.Contains(t.CandidateGroup!)))
            .Where(t => query.CorrelationId == null || t.CorrelationId == query.CorrelationId)
            .Where(t => query.DefinitionId == null || t.DefinitionId == query.DefinitionId)
            .Where(t => query.ActivityIds == null || query.ActivityIds.Contains(t.ActivityId))
            .Where(t => query.VisibleTo == null || !t.Excludes(query.VisibleTo))
            .OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.Id)
            .Skip(query.Skip).Take(query.Take).Select(t => t.Clone()));

    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesByCorrelationAsync(string correlationId, CancellationToken ct = default) =>
        ReadList(() => _instances.Values.Where(i => i.CorrelationId == correlationId).OrderBy(i => i.Id).Select(i => i.Clone()));

    public Task<bool> IsTaskPersonAsync(string correlationId, string user, CancellationToken ct = default)
    {
        lock (_gate) return Task.FromResult(_tasks.Values.Any(t => t.CorrelationId == correlationId && (t.Assignee == user || t.CompletedBy == user)));
    }

    public Task<IReadOnlyList<UserTask>> GetTasksAsync(string correlationId, CancellationToken ct = default) =>
        ReadList(() => _tasks.Values.Where(t => t.CorrelationId == correlationId).OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Select(t => t.Clone()));

    public Task<IReadOnlyList<FactCount>> CountFactsAsync(DateTimeOffset from, DateTimeOffset to, string? dimension = null, CancellationToken ct = default) =>
        ReadList(() => _facts.Where(f => f.OccurredAt >= from && f.OccurredAt < to)
            .GroupBy(f => (f.Name, Value: dimension is null ? null : f.Dimensions.GetValueOrDefault(dimension)))
            .Select(g => new FactCount(g.Key.Name, g.Key.Value, g.Count())));

    public Task PurgeAsync(IReadOnlyList<Guid> instanceIds, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        if (alongside is not null)
            throw new NotSupportedException("The in-memory store cannot commit a caller's database writes with a purge; use a database store.");
        lock (_gate)
        {
            var ids = instanceIds.ToHashSet();
            foreach (var id in ids) _instances.Remove(id);
            foreach (var task in _tasks.Values.Where(t => ids.Contains(t.InstanceId)).ToList()) _tasks.Remove(task.Id);
            foreach (var bookmark in _bookmarks.Values.Where(b => ids.Contains(b.InstanceId)).ToList()) _bookmarks.Remove(bookmark.Id);
            _journal.RemoveAll(j => ids.Contains(j.InstanceId));
            foreach (var incident in _incidents.Values.Where(i => ids.Contains(i.InstanceId)).ToList()) _incidents.Remove(incident.Id);
            foreach (var fact in _facts.Where(f => f.InstanceId is { } id && ids.Contains(id))) fact.Anonymise();
            foreach (var signal in _signals.Values.Where(s => ids.Contains(s.SenderInstanceId)).ToList()) _signals.Remove(signal.Id);
        }
        return Task.CompletedTask;
    }

    public Task CommitAsync(WorkflowChanges changes, CancellationToken ct = default)
    {
        // Parts are database writes of the caller (an audit line); there is no transaction here to hold them.
        if (changes.PartsAlongside.Count > 0)
            throw new NotSupportedException("The in-memory store cannot commit a caller's database writes with the engine's changes; use a database store.");
        lock (_gate)
        {
            Verify(changes);
            foreach (var instance in changes.Created) _instances.Add(instance.Id, instance.Clone());
            foreach (var (instance, _) in changes.Updated) _instances[instance.Id] = instance.Clone();
            foreach (var task in changes.TasksAdded) _tasks.Add(task.Id, task.Clone());
            foreach (var (task, _) in changes.TasksUpdated) _tasks[task.Id] = task.Clone();
            foreach (var bookmark in changes.BookmarksAdded) _bookmarks[bookmark.Id] = bookmark.Clone();
            foreach (var bookmark in changes.BookmarksUpdated.Concat(changes.BookmarksMoved)) _bookmarks[bookmark.Id] = bookmark.Clone();
            foreach (var (task, _) in changes.TasksMoved) _tasks[task.Id] = task.Clone();
            foreach (var bookmark in changes.BookmarksRemoved) _bookmarks.Remove(bookmark.Id);
            _journal.AddRange(changes.JournalAdded);
            _facts.AddRange(changes.FactsRecorded);
            foreach (var signal in changes.SignalsSent) _signals[signal.Id] = signal;
            foreach (var incident in changes.IncidentsAdded.Concat(changes.IncidentsResolved)) _incidents[incident.Id] = incident.Clone();
        }
        Committed?.Invoke(changes);
        return Task.CompletedTask;
    }

    /// <summary>Called after each commit with what it changed, in commit order: how a proefrit writes its timeline.</summary>
    public Action<WorkflowChanges>? Committed { get; set; }

    // Checked before anything is applied, so a conflict leaves the store exactly as it was.
    private void Verify(WorkflowChanges changes)
    {
        var added = changes.BookmarksAdded.Select(b => b.Id).ToHashSet();
        foreach (var (instance, expected) in changes.Updated)
            if (!_instances.TryGetValue(instance.Id, out var stored) || stored.Version != expected) throw Conflict();
        foreach (var (task, expected) in changes.TasksUpdated.Concat(changes.TasksMoved))
            if (!_tasks.TryGetValue(task.Id, out var stored) || stored.Version != expected) throw Conflict();
        foreach (var bookmark in changes.BookmarksRemoved.Concat(changes.BookmarksUpdated).Concat(changes.BookmarksMoved))
            if (!added.Contains(bookmark.Id) && !_bookmarks.ContainsKey(bookmark.Id)) throw Conflict();
    }

    private static ConcurrencyConflictException Conflict() => new("Another caller changed this flow at the same moment.");

    private Task<T?> Read<T>(Func<T?> read)
    {
        lock (_gate) return Task.FromResult(read());
    }

    private Task<IReadOnlyList<T>> ReadList<T>(Func<IEnumerable<T>> read)
    {
        lock (_gate) return Task.FromResult<IReadOnlyList<T>>(read().ToList());
    }
}
