using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

public sealed partial class WorkflowRuntime
{
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
            await Commits.CommitAsync(pass, ct);
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
