using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// Where instances, bookmarks, tasks, the journal and incidents live. Reads return detached objects;
/// every write goes through <see cref="CommitAsync"/>, which applies one pass's changes atomically and
/// throws <see cref="ConcurrencyConflictException"/> when another writer got there first.
/// Implementations: EF Core (SQLite, later PostgreSQL) and in-memory.
/// This is what the runtime and the domain ask; the screens' read-only lists and counts are on
/// <see cref="Monitoring.IWorkflowMonitoring"/>, the prompt jobs' task queries on <see cref="Prompts.ITaskPromptQueries"/>.
/// </summary>
public interface IWorkflowStore
{
    Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct = default);
    /// <summary>Several instances in one read (a list that needs each row's instance); ids that do not exist are left out.</summary>
    Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default);
    /// <summary>An instance with its live bookmarks, read together: what a pass needs to run it.</summary>
    Task<InstanceSnapshot?> LoadInstanceAsync(Guid instanceId, CancellationToken ct = default);
    Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct = default);
    Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct = default);
    Task<UserTask?> FindTaskAsync(Guid taskId, CancellationToken ct = default);

    /// <summary>Timer bookmarks due at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default);

    /// <summary>Timer bookmarks due after <paramref name="after"/>, in due order, one page at a time (keyset on due time and id).</summary>
    Task<IReadOnlyList<Bookmark>> FindPendingTimersAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default);

    Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, Guid? instanceId, CancellationToken ct = default);

    Task<IReadOnlyList<Incident>> GetOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default);
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct = default);
    Task<IReadOnlyList<UserTask>> FindOpenTasksAsync(TaskQuery query, CancellationToken ct = default);
    Task<IReadOnlyList<WorkflowInstance>> FindInstancesByCorrelationAsync(string correlationId, CancellationToken ct = default);
    /// <summary>Whether <paramref name="user"/> holds or completed any task of the correlation: involvement for access.</summary>
    Task<bool> IsTaskPersonAsync(string correlationId, string user, CancellationToken ct = default);
    /// <summary>Every task of the correlation, open or done, oldest first (the casus page's timeline).</summary>
    Task<IReadOnlyList<UserTask>> GetTasksAsync(string correlationId, CancellationToken ct = default);

    /// <summary>Facts in [from, to) by name, and by the value of <paramref name="dimension"/> when given (null value: not set).</summary>
    Task<IReadOnlyList<FactCount>> CountFactsAsync(DateTimeOffset from, DateTimeOffset to, string? dimension = null, CancellationToken ct = default);

    Task CommitAsync(WorkflowChanges changes, CancellationToken ct = default);

    /// <summary>
    /// Deletes everything stored for these (ended) instances — variables, input, tasks with their form
    /// results, bookmarks, journal, incidents — in one transaction, and cuts their facts loose so the
    /// counts remain. Used by retention; <paramref name="alongside"/> (the domain's deletion and its audit line)
    /// commits in that same transaction.
    /// </summary>
    Task PurgeAsync(IReadOnlyList<Guid> instanceIds, IUnitOfWorkPart? alongside = null, CancellationToken ct = default);
}

public sealed record InstanceSnapshot(WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks);

/// <summary>
/// Open tasks for an inbox: assigned to a user, or offered to one of their groups (with
/// <paramref name="UnassignedOnly"/>: only the group's tasks nobody has claimed); earliest due first, paged.
/// <paramref name="DefinitionId"/> and <paramref name="ActivityIds"/> narrow it to given steps of one flow
/// (whoever holds them), e.g. every casus waiting at a table meeting. <paramref name="VisibleTo"/> leaves out the tasks that
/// person may not take (those involved in what a task reviews).
/// </summary>
public sealed record TaskQuery(string? Assignee = null, IReadOnlyList<string>? CandidateGroups = null, string? CorrelationId = null,
    int Skip = 0, int Take = 50, bool UnassignedOnly = false, string? DefinitionId = null, IReadOnlyList<string>? ActivityIds = null,
    string? VisibleTo = null);
