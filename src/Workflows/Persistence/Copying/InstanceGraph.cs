using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.Copying;

/// <summary>
/// Everything the engine stores for one correlation (a traject with its subflows and maatregel):
/// instances, bookmarks, tasks, journal, incidents and facts, as captured from an in-memory run. Copies
/// of it — new ids, another casus code, moments shifted — are how the `generate` command fills a
/// database with hundreds of thousands of trajectories that the real engine produced the shape of,
/// and that the real engine can go on running (open tasks complete, timers fire).
/// </summary>
public sealed class InstanceGraph
{
    internal InstanceGraph(string correlationId, IReadOnlyList<WorkflowInstance> instances, IReadOnlyList<Bookmark> bookmarks,
        IReadOnlyList<UserTask> tasks, IReadOnlyList<JournalEntry> journal, IReadOnlyList<Incident> incidents, IReadOnlyList<Fact> facts)
    {
        CorrelationId = correlationId;
        Instances = instances;
        Bookmarks = bookmarks;
        Tasks = tasks;
        Journal = journal;
        Incidents = incidents;
        Facts = facts;
    }

    public string CorrelationId { get; }
    public IReadOnlyList<WorkflowInstance> Instances { get; }
    public IReadOnlyList<Bookmark> Bookmarks { get; }
    public IReadOnlyList<UserTask> Tasks { get; }
    public IReadOnlyList<JournalEntry> Journal { get; }
    public IReadOnlyList<Incident> Incidents { get; }
    public IReadOnlyList<Fact> Facts { get; }

    /// <summary>The latest moment anything in the graph happened (a copy must not end up in the future).</summary>
    public DateTimeOffset LastMoment => Instances.Select(i => i.UpdatedAt)
        .Concat(Journal.Select(j => j.EndedAt)).Concat(Tasks.Select(t => t.CompletedAt ?? t.CreatedAt)).Max();

    /// <summary>
    /// Adds a copy of the whole graph to <paramref name="changes"/> (to commit with others in one transaction); returns the copied
    /// instances. <paramref name="versions"/> maps a flow id to its version number in the target database.
    /// </summary>
    public IReadOnlyList<WorkflowInstance> CopyInto(WorkflowChanges changes, string correlationId, TimeSpan shift,
        IReadOnlyDictionary<string, int>? versions = null)
    {
        var copy = new GraphCopy(CorrelationId, correlationId, shift, versions);
        foreach (var instance in Instances) copy.Own(instance.Id, instance.CreatedAt);
        foreach (var bookmark in Bookmarks) copy.Own(bookmark.Id, bookmark.CreatedAt);
        foreach (var task in Tasks) copy.Own(task.Id, task.CreatedAt);
        foreach (var entry in Journal) copy.Own(entry.Id, entry.EndedAt);
        foreach (var incident in Incidents) copy.Own(incident.Id, incident.CreatedAt);
        foreach (var fact in Facts) copy.Own(fact.Id, fact.OccurredAt);
        var instances = Instances.Select(i => i.CopyFor(copy)).ToList();
        changes.NewInstances.AddRange(instances);
        changes.AddedBookmarks.AddRange(Bookmarks.Select(b => b.CopyFor(copy)));
        changes.AddedTasks.AddRange(Tasks.Select(t => t.CopyFor(copy)));
        changes.Journal.AddRange(Journal.Select(j => j.CopyFor(copy)));
        changes.AddedIncidents.AddRange(Incidents.Select(i => i.CopyFor(copy)));
        changes.Facts.AddRange(Facts.Select(f => f.CopyFor(copy)));
        return instances;
    }
}
