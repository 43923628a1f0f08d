using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Moves one loaded instance onto the plan's target version in one commit: the instance's version and variables, its
    /// waiting bookmarks and tasks rewritten in place (ids kept, so a running subflow still finds its parent), the steps the
    /// plan lets lapse cancelled, a journal line "verplaatst van versie N naar M", and the caller's part (its progress row and audit line). Nothing runs:
    /// a moved timer that is already due fires through the scheduler after the commit, as a released one does.
    /// Throws <see cref="ConcurrencyConflictException"/> when the instance changed since it was loaded.
    /// </summary>
    /// <param name="journalMessage">The journal line's text; by default "Verplaatst van versie N naar versie M", with the reason.</param>
    internal async Task<InstanceImpact> MoveAsync(ResolvedMigration plan, MigrationSubject subject, string? reason, IUnitOfWorkPart? alongside,
        CancellationToken ct, string? journalMessage = null, JournalEvent journalEvent = JournalEvent.Migrated)
    {
        var instance = subject.Instance;
        var (impact, move) = InstanceMove.Plan(plan, services.Expressions, Now, instance, subject.Bookmarks, subject.Tasks.ToDictionary(t => t.Id));
        if (move is null) return impact;
        var pass = new ExecutionPass(services);
        // The pass sees the instance on its old version: the steps the plan lets lapse are journalled under their old names.
        var state = pass.Track(new ExecutionState(instance, await services.Graphs.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct),
            [.. subject.Bookmarks], isNew: false));
        foreach (var lapsed in move.Cancelled) await pass.CancelBookmarkAsync(state, lapsed, ct);
        foreach (var (task, target, spec, due, assignee) in move.Tasks)
        {
            pass.Changes.MovedTasks.Add((task, task.PrepareSave()));
            task.MoveTo(target, spec, due, assignee);
            // Inboxes showing the task refetch it (a new title, form or group): the push a change of hands makes.
            pass.Changes.Notifications.Add(new TaskAssigned(task.Id, task.InstanceId, task.Assignee, task.CandidateGroup, MovedBy, task.CorrelationId));
        }
        foreach (var (bookmark, target, signal, due) in move.Bookmarks)
        {
            var wasDue = bookmark.DueAt;
            bookmark.MoveTo(target, signal, due);
            pass.Changes.MovedBookmarks.Add(bookmark);
            if (bookmark.Kind == BookmarkKind.Timer && !bookmark.IsHeld && wasDue != bookmark.DueAt) pass.Changes.RescheduledTimers.Add(bookmark);
        }
        var from = instance.DefinitionVersion;
        instance.MoveTo(plan.Target.Version, move.JoinTokens, Now);
        var message = (journalMessage ?? $"Verplaatst van versie {from} naar versie {plan.Target.Version}") + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
        pass.Changes.Journal.Add(JournalEntry.Create(instance.Id, instance.NextJournalSequence(), "", MigrationJournalType, journalEvent,
            null, Now, Now, message));
        if (alongside is not null) pass.Changes.Parts.Add(alongside);
        await Commits.CommitAsync(pass, ct);
        return impact;
    }

    private const string MovedBy = "verplaatsing";

    /// <summary>The activity type written on a migration's journal line (it belongs to no activity of the flow).</summary>
    public const string MigrationJournalType = "Migratie";
}
