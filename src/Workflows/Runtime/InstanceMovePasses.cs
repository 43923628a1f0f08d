using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// The passes that change where an instance waits instead of running it on: a migration's move onto another version and an
/// operator's repair. Like every pass they commit once, with the caller's part, through the runtime's <see cref="PassCommits"/>.
/// </summary>
internal sealed class InstanceMovePasses(RuntimeServices services, PassCommits commits)
{
    private DateTimeOffset Now => services.Clock.GetUtcNow();

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
            pass.Changes.Notifications.Add(new TaskAssigned(task.Id, task.InstanceId, task.Assignee, task.CandidateGroup, TaskAssigned.ByMigration, task.CorrelationId));
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
        await commits.CommitAsync(pass, ct);
        return impact;
    }

    /// <summary>The activity type written on a migration's journal line (it belongs to no activity of the flow).</summary>
    public const string MigrationJournalType = "Migratie";

    /// <summary>
    /// Runs one activity of a waiting instance now, as if a path had reached it, with a journal line naming why. With
    /// <paramref name="apply"/> false the pass runs but nothing is committed: the result says what it would create.
    /// </summary>
    internal async Task<RepairResult> StartActivityAsync(Guid instanceId, string activityId, string message, string? reason, IUnitOfWorkPart? alongside,
        bool apply, CancellationToken ct)
    {
        var pass = new ExecutionPass(services);
        var state = await pass.LoadAsync(instanceId, ct);
        if (state is null) return RepairResult.No($"Instantie {instanceId} bestaat niet.");
        if (!state.Graph.Nodes.TryGetValue(activityId, out var node))
            return RepairResult.No($"Versie {state.Instance.DefinitionVersion} heeft geen activiteit '{activityId}'.");
        pass.Changes.Journal.Add(JournalEntry.Create(instanceId, state.Instance.NextJournalSequence(), activityId, node.Activity.Type, JournalEvent.Repaired,
            null, Now, Now, message + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}")));
        state.Queue.Enqueue(new WorkItem(node, null));
        await pass.RunAsync(state, ct);
        var effects = Effects(pass.Changes, state.Instance);
        if (!apply) return new RepairResult(null, [], effects);
        if (alongside is not null) pass.Changes.Parts.Add(alongside);
        try
        {
            await commits.CommitAsync(pass, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return RepairResult.No("De instantie veranderde op hetzelfde moment; bekijk de preview opnieuw.");
        }
        return new RepairResult(null, [], effects, Applied: true);
    }

    private static List<string> Effects(WorkflowChanges changes, WorkflowInstance instance)
    {
        var effects = new List<string>();
        effects.AddRange(changes.AddedTasks.Select(t => $"taak '{t.Title}'" + (t.DueAt is { } due ? $", termijn {Dutch(due)}" : "")));
        effects.AddRange(changes.AddedBookmarks.Where(b => b.Kind == BookmarkKind.Timer).Select(b => $"timer '{b.ActivityId}' op {Dutch(b.DueAt!.Value)}"));
        effects.AddRange(changes.AddedBookmarks.Where(b => b.Kind == BookmarkKind.Signal).Select(b => $"wacht op signaal '{b.SignalName}'"));
        effects.AddRange(changes.NewInstances.Select(i => $"start flow '{i.DefinitionId}'"));
        effects.AddRange(changes.SignalsSent.Select(s => $"stuurt signaal '{s.Name}'"));
        effects.AddRange(changes.AddedIncidents.Select(i => $"storing bij '{i.ActivityId}': {i.Message}"));
        if (instance.Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled) effects.Add("de instantie eindigt");
        return effects;
    }

    private static string Dutch(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Scheduling.DutchCalendar.Amsterdam).ToString("dd-MM-yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
