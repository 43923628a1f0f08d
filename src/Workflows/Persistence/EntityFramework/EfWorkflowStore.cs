using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

/// <summary>
/// The engine's store on EF Core. Reads run without a transaction and untracked; a commit opens one
/// short write transaction (SaveChanges) in which every update is checked against the version it was
/// read at and every consumed bookmark must still exist, so a lost race rolls the whole burst back.
/// </summary>
public sealed class EfWorkflowStore(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowStore
{
    public async Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().FirstOrDefaultAsync(x => x.Id == instanceId, ct);
    }

    public async Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking().Where(x => x.InstanceId == instanceId).ToListAsync(ct);
    }

    public async Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == bookmarkId, ct);
    }

    public async Task<UserTask?> FindTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(x => x.Id == taskId, ct);
    }

    public async Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking()
            .Where(x => x.Kind == BookmarkKind.Timer && x.DueAt <= now)
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Bookmark>> FindPendingTimersAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking()
            .Where(x => x.Kind == BookmarkKind.Timer && (x.DueAt > after || (x.DueAt == after && x.Id.CompareTo(afterId) > 0)))
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, Guid? instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.Bookmarks.AsNoTracking().Where(x => x.Kind == BookmarkKind.Signal && x.SignalName == signalName);
        if (correlationId is not null) query = query.Where(x => x.CorrelationId == correlationId);
        if (instanceId is not null) query = query.Where(x => x.InstanceId == instanceId);
        return await query.OrderBy(x => x.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Incident>> GetOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(x => x.InstanceId == instanceId && x.ResolvedAt == null).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Journal.AsNoTracking().Where(x => x.InstanceId == instanceId).OrderBy(x => x.Sequence).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UserTask>> FindOpenTasksAsync(TaskQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tasks = db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open);
        var groups = query.CandidateGroups ?? [];
        if (query.Assignee is not null || groups.Count > 0)
            tasks = tasks.Where(x => x.Assignee == query.Assignee || (x.Assignee == null && groups.Contains(x.CandidateGroup!)));
        if (query.CorrelationId is not null) tasks = tasks.Where(x => x.CorrelationId == query.CorrelationId);
        // Tasks without a due date come last: "overdue first, then by due date".
        return await tasks.OrderBy(x => x.DueAt == null).ThenBy(x => x.DueAt).ThenBy(x => x.Id)
            .Skip(query.Skip).Take(query.Take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesByCorrelationAsync(string correlationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(x => x.CorrelationId == correlationId).OrderBy(x => x.Id).ToListAsync(ct);
    }

    public async Task CommitAsync(WorkflowChanges changes, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Instances.AddRange(changes.Created);
        foreach (var (instance, expected) in changes.Updated) AttachModified(db, instance, expected);
        foreach (var (task, expected) in changes.TasksUpdated) AttachModified(db, task, expected);
        db.Tasks.AddRange(changes.TasksAdded);
        var added = changes.BookmarksAdded.ToHashSet();
        // A bookmark made and consumed in the same burst never reaches the database.
        foreach (var bookmark in changes.BookmarksRemoved)
            if (!added.Remove(bookmark)) db.Bookmarks.Remove(bookmark);
        db.Bookmarks.AddRange(added);
        db.Journal.AddRange(changes.JournalAdded);
        db.Incidents.AddRange(changes.IncidentsAdded);
        foreach (var incident in changes.IncidentsResolved) db.Incidents.Update(incident);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException("Another node or user changed this flow at the same moment.", ex);
        }
    }

    private static void AttachModified<T>(WorkflowDbContext db, T entity, int expectedVersion) where T : class
    {
        var entry = db.Attach(entity);
        entry.State = EntityState.Modified;
        entry.Property("Version").OriginalValue = expectedVersion;
    }
}
