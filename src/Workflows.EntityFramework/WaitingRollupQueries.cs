using System.Text;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The heat map from the <see cref="WaitingDayCount"/> rollup in two short reads, so what leaves the database follows the
/// weeks and activities, not the trajecten: first a row per activity and week (in key order, no sort), with the exact
/// past-norm counts summed per day inside the database; then only the days of the week that holds each activity's median,
/// which makes the median exact to the day.
/// </summary>
internal static class WaitingRollupQueries
{
    private const string WeeksSql = """
        SELECT "ActivityId", "Kind", "Week", SUM("Count") AS "Count", MIN("Day") AS "Oldest",
          SUM(CASE WHEN "DueDay" <> -1 AND "DueDay" < {1} THEN "Count" ELSE 0 END) AS "Past",
          SUM(CASE WHEN "DueDay" <> -1 AND "DueDay" < {1} AND {1} - "Day" >= 2 * ("DueDay" - "Day") THEN "Count" ELSE 0 END) AS "Double"
        FROM "WaitingDayCounts" WHERE "DefinitionId" = {0}
        GROUP BY "ActivityId", "Kind", "Week"
        """;

    public static async Task<IReadOnlyList<WaitingAtActivity>> SummarizeAsync(WorkflowDbContext db, string definitionId, int today, CancellationToken ct)
    {
        var weeks = await db.Database.SqlQueryRaw<WeekRow>(WeeksSql, definitionId, today).ToListAsync(ct);
        var activities = weeks.GroupBy(w => (w.ActivityId, w.Kind)).Select(g => Activity.Of(g.Key.ActivityId, g.Key.Kind, g)).ToList();
        if (activities.Count == 0) return [];
        // One seek per activity, into its median week only (at most seven days, each perhaps with a few due days).
        var sql = new StringBuilder();
        var parameters = new List<object> { definitionId };
        foreach (var activity in activities)
        {
            if (sql.Length > 0) sql.Append(" UNION ALL ");
            sql.Append($$"""SELECT "ActivityId", "Kind", "Day", "Count" FROM "WaitingDayCounts" WHERE "DefinitionId" = {0} AND "ActivityId" = {{{parameters.Count}}} AND "Kind" = {{{parameters.Count + 1}}} AND "Week" = {{{parameters.Count + 2}}}""");
            parameters.AddRange([activity.ActivityId, activity.Kind, activity.MedianWeek]);
        }
        var days = (await db.Database.SqlQueryRaw<DayRow>(sql.ToString(), [.. parameters]).ToListAsync(ct)).ToLookup(d => (d.ActivityId, d.Kind));
        return [.. activities.OrderBy(a => a.ActivityId, StringComparer.Ordinal).ThenBy(a => a.Kind, StringComparer.Ordinal)
            .Select(a => a.Summarize(today, days[(a.ActivityId, a.Kind)]))];
    }

    private sealed record WeekRow(string ActivityId, string Kind, long Week, long Count, long Oldest, long Past, long Double);

    private sealed record DayRow(string ActivityId, string Kind, long Day, long Count);

    /// <summary>One activity's weeks: its totals, and which week holds the lower middle of its waits sorted shortest first.</summary>
    private sealed record Activity(string ActivityId, string Kind, int Count, int Oldest, int Past, int Double, int MedianWeek, int BeforeMedianWeek)
    {
        public static Activity Of(string activityId, string kind, IEnumerable<WeekRow> weeks)
        {
            var newestFirst = weeks.OrderByDescending(w => w.Week).ToList();
            var count = (int)newestFirst.Sum(w => w.Count);
            var middle = (count - 1) / 2;
            var before = 0;
            var medianWeek = newestFirst[^1];
            foreach (var week in newestFirst)
            {
                if (before + week.Count > middle)
                {
                    medianWeek = week;
                    break;
                }
                before += (int)week.Count;
            }
            return new Activity(activityId, kind, count, (int)newestFirst.Min(w => w.Oldest), (int)newestFirst.Sum(w => w.Past),
                (int)newestFirst.Sum(w => w.Double), (int)medianWeek.Week, before);
        }

        public WaitingAtActivity Summarize(int today, IEnumerable<DayRow> medianWeekDays)
        {
            var seen = BeforeMedianWeek;
            var median = 0;
            foreach (var day in medianWeekDays.GroupBy(d => d.Day).OrderByDescending(g => g.Key))
            {
                median = today - (int)day.Key;
                seen += (int)day.Sum(d => d.Count);
                if (seen > (Count - 1) / 2) break;
            }
            return new WaitingAtActivity(ActivityId, Enum.Parse<BookmarkKind>(Kind), Count, median, today - Oldest, Past, Double);
        }
    }
}
