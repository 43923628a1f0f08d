using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// How many bookmarks of a flow wait at an activity, by the UTC day their wait began and the day they are due
/// (<see cref="Monitoring.WaitingDays.NoDueDay"/> if never). Kept by triggers on the Bookmarks table
/// (<see cref="WaitingRollupSql"/>), not by the change writers: every path that adds, moves or deletes a bookmark (a pass,
/// a migration, a copy, a purge) keeps it right without knowing of it. The heat map sums it, so its cost follows the days
/// and activities that have waits, not the number of trajecten.
/// </summary>
public sealed class WaitingDayCount
{
    private WaitingDayCount() { }

    public string DefinitionId { get; private set; } = "";
    public string ActivityId { get; private set; } = "";
    public BookmarkKind Kind { get; private set; }
    /// <summary>Day / 7: leads the day in the key, so the heat map reads a flow's waits a week at a time in key order.</summary>
    public int Week { get; private set; }
    public int Day { get; private set; }
    public int DueDay { get; private set; }
    public int Count { get; private set; }
}
