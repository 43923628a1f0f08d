using ProcessEngine.Host.Components.Work;
using ProcessEngine.Host.Features.Inbox;
using ProcessEngine.HostStore.Inbox;

namespace ProcessEngine.Host.Tests.Ui.Work;

/// <summary>The holder's planning: which follow-up days are accepted, and how the inbox filters and sorts by it.</summary>
public sealed class InboxPlanningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Fact]
    public void APassedDay_IsRefused_UnlessItIsTheOneAlreadySet_AndAYearIsTheLimit()
    {
        Assert.True(SetTaskFollowUpHandler.Check(new FollowUpInput(Today.AddDays(-1), null), Today).ContainsKey("followUpOn"));
        Assert.Empty(SetTaskFollowUpHandler.Check(new FollowUpInput(Today.AddDays(-1), TaskPriority.High), Today, current: Today.AddDays(-1)));
        Assert.Empty(SetTaskFollowUpHandler.Check(new FollowUpInput(Today, TaskPriority.Low), Today));
        Assert.Empty(SetTaskFollowUpHandler.Check(new FollowUpInput(null, null), Today));
        Assert.True(SetTaskFollowUpHandler.Check(new FollowUpInput(Today.AddDays(367), null), Today).ContainsKey("followUpOn"));
        Assert.True(SetTaskFollowUpHandler.Check(new FollowUpInput(null, (TaskPriority)7), Today).ContainsKey("priority"));
    }

    private static readonly InboxRow[] Rows =
    [
        new(Guid.NewGuid(), "Zonder planning", "RVT-2026-AAAAAA", "Netwerkberaad", null, "prof1", Now.AddDays(-2), Paused: false),
        new(Guid.NewGuid(), "Later opvolgen", "RVT-2026-BBBBBB", "Netwerkberaad", "TeamNoord", "prof1", Now.AddDays(1), Paused: false,
            FollowUpOn: Today.AddDays(5), Priority: TaskPriority.Low),
        new(Guid.NewGuid(), "Nu opvolgen", "RVT-2026-CCCCCC", "Aanmelding en advies", null, "prof1", Now.AddDays(10), Paused: false,
            FollowUpOn: Today, Priority: TaskPriority.High),
    ];

    [Theory]
    [InlineData(InboxSort.Due, InboxDue.Any, null, "Zonder planning,Later opvolgen,Nu opvolgen")]
    [InlineData(InboxSort.FollowUp, InboxDue.Any, null, "Nu opvolgen,Later opvolgen,Zonder planning")]
    [InlineData(InboxSort.Priority, InboxDue.Any, null, "Nu opvolgen,Zonder planning,Later opvolgen")]
    [InlineData(InboxSort.Due, InboxDue.FollowUpReached, null, "Nu opvolgen")]
    [InlineData(InboxSort.Due, InboxDue.ThisWeek, null, "Zonder planning,Later opvolgen")]
    [InlineData(InboxSort.Due, InboxDue.Any, "TeamNoord", "Later opvolgen")]
    public void Apply_FiltersByDueWindowAndTeam_AndSortsByTheHoldersPlanning(InboxSort sort, InboxDue due, string? team, string expected)
    {
        var shown = InboxFilter.Apply(Rows, new InboxViewFilter(Due: due, Team: team), sort, Now);

        Assert.Equal(expected, string.Join(",", shown.Select(r => r.Title)));
    }
}
