using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Monitoring;

/// <summary>
/// Where the running instances of one flow wait, per activity and kind of wait (the studio's heat map). Waits are
/// counted in whole UTC days since the wait began, because the stores answer it from a rollup by day (its cost follows
/// the days and activities, not the number of trajecten): a step started today has waited 0 days.
/// <paramref name="NormDays"/> are the days from start to the due moment (a task's due date, a timer's moment) of the
/// median wait's group; <paramref name="PastNorm"/> counts waits whose due day has passed and
/// <paramref name="PastDoubleNorm"/> those waiting at least twice their norm as well. Signals and subflows have no due
/// moment: both are 0 for them.
/// </summary>
public sealed record WaitingAtActivity(string ActivityId, BookmarkKind Kind, int Count, int MedianDays, int LongestDays, int PastNorm,
    int PastDoubleNorm);

/// <summary>One instance waiting at an activity: the click on the heat map. The correlation is the casus code; the screen decides who sees it.</summary>
public sealed record WaitingInstanceRow(Guid InstanceId, int DefinitionVersion, string? CorrelationId, BookmarkKind Kind, DateTimeOffset Since,
    DateTimeOffset? DueAt);

/// <summary>The day arithmetic the rollup and the in-memory store share, so both stores answer alike.</summary>
public static class WaitingDays
{
    /// <summary>Whole UTC days since 0001-01-01: what the database computes from the stored ticks ((ticks / 1000) &lt;&lt; 11).</summary>
    public static int DayOf(DateTimeOffset moment) => (int)(moment.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>No due moment (a signal, a subflow): part of the rollup's key, so never null.</summary>
    public const int NoDueDay = -1;

    /// <summary>
    /// Folds (start day, due day, count) groups of one activity into its summary: the median is the lower middle of the
    /// waits sorted, the longest the oldest start.
    /// </summary>
    public static WaitingAtActivity Summarize(string activityId, BookmarkKind kind, int today, IEnumerable<(int Day, int DueDay, int Count)> groups)
    {
        var sorted = groups.Where(g => g.Count > 0).OrderByDescending(g => g.Day).ToList();
        var total = sorted.Sum(g => g.Count);
        var middle = (total - 1) / 2;
        int seen = 0, median = 0, pastNorm = 0, pastDouble = 0;
        var medianFound = false;
        foreach (var (day, dueDay, count) in sorted)
        {
            var waited = today - day;
            if (!medianFound && seen + count > middle) (median, medianFound) = (waited, true);
            seen += count;
            if (dueDay == NoDueDay || today <= dueDay) continue;
            pastNorm += count;
            if (waited >= 2 * (dueDay - day)) pastDouble += count;
        }
        return new WaitingAtActivity(activityId, kind, total, median, sorted.Count == 0 ? 0 : today - sorted[^1].Day, pastNorm, pastDouble);
    }
}
