using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Tests.Runtime;

/// <summary>The heat map's fold as the in-memory store uses it: lower median, longest, past the norm and twice it, in whole days.</summary>
public sealed class WaitingDaysTests
{
    [Fact]
    public void Summarize_TakesTheLowerMedian_TheOldestStart_AndCountsPastTheNormAndTwiceIt()
    {
        // Today is day 100. Norm 2 days: 2 started on day 90 (10 days, past twice), 1 on day 97 (3 days, past once),
        // 1 on day 99 (1 day, within); and a signal without due day started on day 80 is counted but never late.
        var task = WaitingDays.Summarize("stap", BookmarkKind.Task, 100, [(90, 92, 2), (97, 99, 1), (99, 101, 1)]);
        var signal = WaitingDays.Summarize("wacht", BookmarkKind.Signal, 100, [(80, WaitingDays.NoDueDay, 1)]);

        Assert.Equal(new WaitingAtActivity("stap", BookmarkKind.Task, 4, 3, 10, 3, 2), task);
        Assert.Equal(new WaitingAtActivity("wacht", BookmarkKind.Signal, 1, 20, 20, 0, 0), signal);
        Assert.Equal(WaitingDays.DayOf(new DateTimeOffset(2026, 12, 7, 23, 59, 0, TimeSpan.Zero)), WaitingDays.DayOf(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero)));
    }
}
