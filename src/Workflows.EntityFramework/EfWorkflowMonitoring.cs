using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The screens' queries on the engine's database: untracked reads without a transaction. Each list keeps the
/// Where and OrderBy its index serves and ends in a Select, so only the row's columns leave the database.
/// </summary>
public sealed class EfWorkflowMonitoring(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowMonitoring
{
    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter TimeConverter =
        ProcessEngine.Data.TimeAsTicks.Converter;

    public async Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking()
            .Where(x => x.Status == WorkflowStatus.Running || x.Status == WorkflowStatus.Suspended)
            .GroupBy(x => x.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyList<InstanceRow>> FindInstancesOfFlowAsync(string definitionId, InstanceFilter filter, int skip, int take,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await filter.Apply(db.Instances.AsNoTracking().Where(x => x.DefinitionId == definitionId), db.Bookmarks.AsNoTracking())
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Skip(skip).Take(take)
            .Select(x => new InstanceRow(x.Id, x.DefinitionVersion, x.Status, x.ParentInstanceId, x.CreatedAt, x.UpdatedAt, x.FinishedAt))
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<IncidentRow>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The page is cut from the incidents first (their order and index as before), then joined to its
        // instances: one query for the page instead of one more per incident. A left join, so an incident
        // whose instance is gone still shows, without flow or casus.
        var page = db.Incidents.AsNoTracking().Where(x => x.ResolvedAt == null)
            .OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Skip(skip).Take(take);
        return await (
            from incident in page
            join instance in db.Instances.AsNoTracking() on incident.InstanceId equals instance.Id into instances
            from instance in instances.DefaultIfEmpty()
            orderby incident.CreatedAt descending, incident.Id
            select new IncidentRow(incident.Id, incident.InstanceId, instance == null ? null : instance.DefinitionId,
                instance == null ? null : instance.CorrelationId, incident.ActivityId, incident.ActivityType, incident.ExceptionType, incident.Message,
                incident.CreatedAt)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<FactCount>> CountFactsByDayAsync(DateOnly from, DateOnly to, string dimension, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var first = FactDayCount.DayOf(from);
        var end = FactDayCount.DayOf(to);
        var rows = await db.FactDayCounts.AsNoTracking()
            .Where(x => (x.Dimension == "" || x.Dimension == dimension) && x.Day >= first && x.Day < end)
            .GroupBy(x => new { x.Name, x.Dimension, x.Value }).Select(g => new { g.Key.Name, g.Key.Dimension, g.Key.Value, Count = g.Sum(x => x.Count) })
            .ToListAsync(ct);
        return FactDayCounting.Combine(rows.Select(r => (r.Name, r.Dimension, r.Value, r.Count)), dimension);
    }

    public async Task<IReadOnlyList<OpenTaskRow>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await filter.Apply(db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open && x.DueAt != null && x.DueAt < now))
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Skip(skip).Take(take).Select(OpenTaskRow.FromTask).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<OverdueGroup>> SummarizeOverdueTasksAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var groups = await db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open && x.DueAt != null && x.DueAt < now)
            .GroupBy(x => new { x.CandidateGroup, x.DefinitionId, x.ActivityId })
            .Select(g => new { g.Key.CandidateGroup, g.Key.DefinitionId, g.Key.ActivityId, Title = g.Min(x => x.Title)!, Count = g.Count(), Oldest = g.Min(x => x.DueAt) })
            .ToListAsync(ct);
        return [.. groups.Select(g => new OverdueGroup(g.CandidateGroup, g.DefinitionId, g.ActivityId, g.Title, g.Count, g.Oldest!.Value))
            .OrderBy(g => g.OldestDueAt)];
    }

    public async Task<IReadOnlyList<OpenTaskRow>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Stuck(db, rule).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Skip(skip).Take(take).Select(OpenTaskRow.FromTask).ToListAsync(ct);
    }

    public async Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Stuck(db, rule).CountAsync(ct);
    }

    public async Task<int> CountSlowedTasksAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // A slowed task's due moment is its chosen moment, so the (Status, DueAt) index narrows it to the tasks due after now.
        return await db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open && x.DueAt > now && x.SlowedUntil > now).CountAsync(ct);
    }

    // The latest cut-off bounds the (Status, CreatedAt) index range; the per-step rule filters within it.
    private static IQueryable<UserTask> Stuck(WorkflowDbContext db, StuckRule rule)
    {
        var latest = rule.Latest;
        return db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open && x.CreatedAt < latest).Where(rule.Predicate());
    }

    public async Task<int> CountOpenIncidentsAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().CountAsync(x => x.ResolvedAt == null, ct);
    }

    public async Task<IReadOnlyList<LeadTimeBucket>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
        CancellationToken ct = default)
    {
        if (definitionIds.Count == 0 || bounds.Count < 2) return [];
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Times are the binary DateTimeOffset the model stores on both providers: (ticks / 1000) << 11, so ">> 11" gives
        // units of 100 µs and a day is 864,000,000 of them. The period is found by the bounds in order.
        var stored = bounds.Select(b => ((long)TimeConverter.ConvertToProvider(b)!).ToString(CultureInfo.InvariantCulture)).ToList();
        var period = new StringBuilder("CASE");
        for (var i = 1; i < stored.Count; i++) period.Append(" WHEN \"FinishedAt\" < ").Append(stored[i]).Append(" THEN ").Append(i - 1);
        period.Append(" END");
        var names = string.Join(", ", definitionIds.Select((_, i) => "{" + i + "}"));
        var sql = $"""
            SELECT "DefinitionId", CAST({period} AS BIGINT) AS "Period", CAST((("FinishedAt" >> 11) - ("CreatedAt" >> 11)) / 864000000 AS BIGINT) AS "Days",
              COUNT(*) AS "Count"
            FROM "WorkflowInstances"
            WHERE "DefinitionId" IN ({names}) AND "Status" = 'Finished' AND "FinishedAt" >= {stored[0]} AND "FinishedAt" < {stored[^1]}
            GROUP BY 1, 2, 3
            """;
        var rows = await db.Database.SqlQueryRaw<LeadTimeRow>(sql, [.. definitionIds]).ToListAsync(ct);
        return [.. rows.Select(r => new LeadTimeBucket(r.DefinitionId, (int)r.Period, (int)r.Days, (int)r.Count))];
    }

    public async Task<IReadOnlyList<WaitingAtActivity>> SummarizeWaitingAsync(string definitionId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await WaitingRollupQueries.SummarizeAsync(db, definitionId, WaitingDays.DayOf(now), ct);
    }

    public async Task<IReadOnlyList<WaitingInstanceRow>> FindWaitingAtAsync(string definitionId, string activityId, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The (ActivityId, CreatedAt) index gives the order; an activity id another flow also uses is filtered out on the instance.
        return await (
            from bookmark in db.Bookmarks.AsNoTracking()
            join instance in db.Instances.AsNoTracking() on bookmark.InstanceId equals instance.Id
            where bookmark.ActivityId == activityId && instance.DefinitionId == definitionId
            orderby bookmark.CreatedAt, bookmark.Id
            select new WaitingInstanceRow(instance.Id, instance.DefinitionVersion, instance.CorrelationId, bookmark.Kind, bookmark.CreatedAt, bookmark.DueAt))
            .Take(take).ToListAsync(ct);
    }

    private sealed record LeadTimeRow(string DefinitionId, long Period, long Days, long Count);
}
