using Mediator;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Everything one pass changed, across every instance it touched (a parent and its subflow). The store
/// commits it in one transaction or not at all, the signals it sent included; what follows the commit (timer
/// scheduling, notifications, delivering those signals) runs only after that commit succeeded. The caller's own
/// writes for the same action (<see cref="IUnitOfWorkPart"/>) are committed in that transaction too.
/// </summary>
public sealed class WorkflowChanges
{
    internal List<WorkflowInstance> NewInstances { get; } = [];
    /// <summary>Updated instances, each with the version it was loaded at (the concurrency check).</summary>
    internal List<(WorkflowInstance Instance, int ExpectedVersion)> UpdatedInstances { get; } = [];
    internal List<Bookmark> AddedBookmarks { get; } = [];
    internal List<Bookmark> RemovedBookmarks { get; } = [];
    /// <summary>Existing bookmarks put on hold or released.</summary>
    internal List<Bookmark> UpdatedBookmarks { get; } = [];
    /// <summary>Released timers to hand to the scheduler again after commit (a due one fires at once).</summary>
    internal List<Bookmark> RescheduledTimers { get; } = [];
    internal List<UserTask> AddedTasks { get; } = [];
    internal List<(UserTask Task, int ExpectedVersion)> UpdatedTasks { get; } = [];
    /// <summary>Bookmarks and tasks moved to another flow version: more columns change than in a pass.</summary>
    internal List<Bookmark> MovedBookmarks { get; } = [];
    internal List<(UserTask Task, int ExpectedVersion)> MovedTasks { get; } = [];
    internal List<JournalEntry> Journal { get; } = [];
    internal List<Incident> AddedIncidents { get; } = [];
    internal List<Incident> ResolvedIncidents { get; } = [];
    internal List<Fact> Facts { get; } = [];
    internal List<INotification> Notifications { get; } = [];
    internal List<SentSignal> Signals { get; } = [];
    internal List<IUnitOfWorkPart> Parts { get; } = [];

    public IReadOnlyList<WorkflowInstance> Created => NewInstances;
    public IReadOnlyList<(WorkflowInstance Instance, int ExpectedVersion)> Updated => UpdatedInstances;
    public IReadOnlyList<Bookmark> BookmarksAdded => AddedBookmarks;
    public IReadOnlyList<Bookmark> BookmarksRemoved => RemovedBookmarks;
    public IReadOnlyList<Bookmark> BookmarksUpdated => UpdatedBookmarks;
    public IReadOnlyList<UserTask> TasksAdded => AddedTasks;
    public IReadOnlyList<(UserTask Task, int ExpectedVersion)> TasksUpdated => UpdatedTasks;
    public IReadOnlyList<Bookmark> BookmarksMoved => MovedBookmarks;
    public IReadOnlyList<(UserTask Task, int ExpectedVersion)> TasksMoved => MovedTasks;
    public IReadOnlyList<JournalEntry> JournalAdded => Journal;
    public IReadOnlyList<Incident> IncidentsAdded => AddedIncidents;
    public IReadOnlyList<Incident> IncidentsResolved => ResolvedIncidents;
    public IReadOnlyList<Fact> FactsRecorded => Facts;
    /// <summary>Signals the pass sent: stored with it, delivered after its commit.</summary>
    public IReadOnlyList<SentSignal> SignalsSent => Signals;
    /// <summary>What the pass will publish after its commit; a participant may act on it inside the transaction.</summary>
    public IReadOnlyList<Mediator.INotification> NotificationsRaised => Notifications;
    /// <summary>
    /// What the caller writes in this same transaction (its audit line), after the engine's statements, in
    /// <see cref="UnitOfWorkParts.InWriteOrder"/>.
    /// </summary>
    public IReadOnlyList<IUnitOfWorkPart> PartsAlongside => UnitOfWorkParts.InWriteOrder(Parts);
}

/// <summary>The store found that another node or user changed the same instance, task or bookmark first.</summary>
public sealed class ConcurrencyConflictException(string message, Exception? inner = null) : Exception(message, inner);
