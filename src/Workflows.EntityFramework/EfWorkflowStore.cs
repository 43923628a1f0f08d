using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The engine's store: reads through EF Core (untracked, no transaction); commits through
/// <see cref="IChangeWriter"/> (<see cref="SqliteChangeWriter"/> or <see cref="PostgreSqlChangeWriter"/>), one short write transaction in which every update is checked against
/// the version it was read at and every consumed bookmark must still exist, so a lost race rolls the
/// whole pass back.
/// </summary>
public sealed class EfWorkflowStore(IDbContextFactory<WorkflowDbContext> contexts, IChangeWriter writer) : IWorkflowStore
{
    // The queries of every resume step, compiled once per store: EF's query pipeline is most of a small
    // read's cost. Not static: a compiled query belongs to one model, and SQLite's and PostgreSQL's differ.
    private readonly Func<WorkflowDbContext, Guid, Task<WorkflowInstance?>> _instanceById =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Instances.AsNoTracking().FirstOrDefault(x => x.Id == id));
    private readonly Func<WorkflowDbContext, Guid, IAsyncEnumerable<Bookmark>> _bookmarksOf =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Bookmarks.AsNoTracking().Where(x => x.InstanceId == id));
    private readonly Func<WorkflowDbContext, Guid, Task<UserTask?>> _taskById =
        EF.CompileAsyncQuery((WorkflowDbContext db, Guid id) => db.Tasks.AsNoTracking().FirstOrDefault(x => x.Id == id));

    public async Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await _instanceById(db, instanceId);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        if (instanceIds.Count == 0) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(x => instanceIds.Contains(x.Id)).ToListAsync(ct);
    }

    public async Task<InstanceSnapshot?> LoadInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // One connection for both reads; the pass's commit re-checks the version, so no transaction is needed here.
        await db.Database.OpenConnectionAsync(ct);
        var instance = await _instanceById(db, instanceId);
        if (instance is null) return null;
        var bookmarks = new List<Bookmark>();
        await foreach (var bookmark in _bookmarksOf(db, instanceId).WithCancellation(ct)) bookmarks.Add(bookmark);
        return new InstanceSnapshot(instance, bookmarks);
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
        return await _taskById(db, taskId);
    }

    public async Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Bookmarks.AsNoTracking()
            .Where(x => x.Kind == BookmarkKind.Timer && x.DueAt <= now && !x.IsHeld)
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
        // A casus's own tasks are few (the correlation index finds them): one query. An inbox at national
        // scale is not: a professional may hold thousands of open tasks. Sorting them all for one page would
        // grow with the country, so each part of the inbox (per status, per holder or group, with and
        // without a due date) is read as an ordered index range cut at the page's end, and the parts are
        // merged here; the cost follows the page.
        if (query.CorrelationId is not null) return await Page(Filtered(db, query, [UserTaskStatus.Open, UserTaskStatus.OnHold], null, null), query, ct);
        var wanted = query.Skip + query.Take;
        var parts = new List<UserTask>();
        foreach (var status in new[] { UserTaskStatus.Open, UserTaskStatus.OnHold })
            foreach (var who in Holders(query))
            {
                if (query.DefinitionId is null && query.ActivityIds is null && (who.Assignee ?? who.Group) is { } holderOrGroup)
                {
                    await InboxRangeQueries.AddRangesAsync(parts, db, status, who.Assignee, holderOrGroup, wanted, ct);
                    continue;
                }
                var range = Filtered(db, query, [status], who.Assignee, who.Group);
                parts.AddRange(await range.Where(x => x.DueAt != null).OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(wanted).ToListAsync(ct));
                parts.AddRange(await range.Where(x => x.DueAt == null).OrderBy(x => x.Id).Take(wanted).ToListAsync(ct));
            }
        // Ties on the due moment are broken by the id as SQLite orders it (upper-case text), as in each part.
        return [.. parts.DistinctBy(t => t.Id).OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt)
            .ThenBy(t => t.Id.ToString().ToUpperInvariant(), StringComparer.Ordinal).Skip(query.Skip).Take(query.Take)];
    }

    /// <summary>Whose tasks an inbox shows: the holder's own, and (unclaimed) each of the groups'; nobody given means all open tasks.</summary>
    private static IEnumerable<(string? Assignee, string? Group)> Holders(TaskQuery query)
    {
        var groups = query.CandidateGroups ?? [];
        if (!query.UnassignedOnly && query.Assignee is not null) yield return (query.Assignee, null);
        foreach (var group in groups.Distinct()) yield return (null, group);
        if (query.Assignee is null && groups.Count == 0 && !query.UnassignedOnly) yield return (null, null);
    }

    private static IQueryable<UserTask> Filtered(WorkflowDbContext db, TaskQuery query, UserTaskStatus[] statuses, string? assignee, string? group)
    {
        var tasks = db.Tasks.AsNoTracking();
        tasks = statuses.Length == 1 ? tasks.Where(x => x.Status == statuses[0]) : tasks.Where(x => statuses.Contains(x.Status));
        var groups = query.CandidateGroups ?? [];
        if (query.CorrelationId is not null)
        {
            tasks = tasks.Where(x => x.CorrelationId == query.CorrelationId);
            if (query.UnassignedOnly) tasks = tasks.Where(x => x.Assignee == null && groups.Contains(x.CandidateGroup!));
            else if (query.Assignee is not null || groups.Count > 0)
                tasks = tasks.Where(x => x.Assignee == query.Assignee || (x.Assignee == null && groups.Contains(x.CandidateGroup!)));
        }
        else if (assignee is not null) tasks = tasks.Where(x => x.Assignee == assignee);
        else if (group is not null) tasks = tasks.Where(x => x.Assignee == null && x.CandidateGroup == group);
        if (query.DefinitionId is not null) tasks = tasks.Where(x => x.DefinitionId == query.DefinitionId);
        if (query.ActivityIds is { } activities) tasks = tasks.Where(x => activities.Contains(x.ActivityId));
        // The list is JSON of plain user names; a quoted name matches only that whole name.
        if (query.VisibleTo is { } me) tasks = tasks.Where(x => !x.ExcludedUsersJson.Contains("\"" + me + "\""));
        return tasks;
    }

    // Tasks without a due date come last: "overdue first, then by due date".
    private static async Task<IReadOnlyList<UserTask>> Page(IQueryable<UserTask> tasks, TaskQuery query, CancellationToken ct) =>
        await tasks.OrderBy(x => x.DueAt == null).ThenBy(x => x.DueAt).ThenBy(x => x.Id).Skip(query.Skip).Take(query.Take).ToListAsync(ct);

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesByCorrelationAsync(string correlationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(x => x.CorrelationId == correlationId).OrderBy(x => x.Id).ToListAsync(ct);
    }

    public async Task<bool> IsTaskPersonAsync(string correlationId, string user, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AnyAsync(x => x.CorrelationId == correlationId && (x.Assignee == user || x.CompletedBy == user), ct);
    }

    public async Task<IReadOnlyList<UserTask>> GetTasksAsync(string correlationId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking().Where(x => x.CorrelationId == correlationId).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FactCount>> CountFactsAsync(DateTimeOffset from, DateTimeOffset to, string? dimension = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var inPeriod = db.Facts.AsNoTracking().Where(f => f.OccurredAt >= from && f.OccurredAt < to);
        if (dimension is null)
            return [.. (await inPeriod.GroupBy(f => f.Name).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new FactCount(g.Key, null, g.Count))];
        // Dimensions are a small JSON object: the database reads the one asked for and groups, so a national
        // year of facts is counted there instead of being loaded and parsed here. Times are compared in the
        // stored form (the binary DateTimeOffset the model's converter writes on both providers).
        var key = dimension.Replace("\"", "", StringComparison.Ordinal);
        var value = db.Database.IsNpgsql() ? "(\"DimensionsJson\"::jsonb ->> {0})" : "json_extract(\"DimensionsJson\", {0})";
        var sql = $$"""
            SELECT "Name", {{value}} AS "Value", COUNT(*) AS "Count"
            FROM "Facts" WHERE "OccurredAt" >= {1} AND "OccurredAt" < {2}
            GROUP BY 1, 2
            """;
        var argument = db.Database.IsNpgsql() ? key : "$.\"" + key + "\"";
        var rows = await db.Database.SqlQueryRaw<FactCountRow>(sql, argument, (long)TimeConverter.ConvertToProvider(from)!,
            (long)TimeConverter.ConvertToProvider(to)!).ToListAsync(ct);
        return [.. rows.Select(r => new FactCount(r.Name, r.Value, (int)r.Count))];
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter TimeConverter = ProcessEngine.Data.TimeAsTicks.Converter;

    private sealed record FactCountRow(string Name, string? Value, long Count);

    public Task CommitAsync(WorkflowChanges changes, CancellationToken ct = default) => writer.WriteAsync(changes, ct);

    public async Task PurgeAsync(IReadOnlyList<Guid> instanceIds, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ids = instanceIds.ToList();
        await db.Tasks.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(WaitingRollupSql.PostgreSqlCountNow, ct);
        await db.Bookmarks.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Journal.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.Incidents.Where(x => ids.Contains(x.InstanceId)).ExecuteDeleteAsync(ct);
        await db.SentSignals.Where(x => ids.Contains(x.SenderInstanceId)).ExecuteDeleteAsync(ct);
        await db.Facts.Where(x => x.InstanceId != null && ids.Contains(x.InstanceId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.InstanceId, (Guid?)null), ct);
        await db.Instances.Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(ct);
        if (alongside is not null) await alongside.WriteAsync(transaction.GetDbTransaction(), null, ct);
        await transaction.CommitAsync(ct);
    }
}
