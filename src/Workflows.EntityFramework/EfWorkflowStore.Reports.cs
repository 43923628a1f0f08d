using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

public sealed partial class EfWorkflowStore
{
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

    public async Task<IReadOnlyList<UserTask>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await filter.Apply(db.Tasks.AsNoTracking().Where(x => x.Status == UserTaskStatus.Open && x.DueAt != null && x.DueAt < now))
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);
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

    public async Task<IReadOnlyList<UserTask>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Stuck(db, rule).OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    public async Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Stuck(db, rule).CountAsync(ct);
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

    public async Task<IReadOnlyList<LeadTimeCount>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
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
        return [.. rows.Select(r => new LeadTimeCount(r.DefinitionId, (int)r.Period, (int)r.Days, (int)r.Count))];
    }

    private sealed record LeadTimeRow(string DefinitionId, long Period, long Days, long Count);
}
