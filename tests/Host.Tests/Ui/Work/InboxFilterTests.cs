using ProcessEngine.Host.Components.Work;
using ProcessEngine.Host.Features.Inbox;

namespace ProcessEngine.Host.Tests.Ui.Work;

/// <summary>The inbox's route and status filters over the rows the query returned (overdue first, then by due date).</summary>
public sealed class InboxFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    private static readonly InboxRow[] Rows =
    [
        new(Guid.NewGuid(), "Te laat", "RVT-2026-AAAAAA", "Netwerkberaad", null, "prof1", Now.AddDays(-2), Paused: false),
        new(Guid.NewGuid(), "Gepauzeerd", "RVT-2026-BBBBBB", "Netwerkberaad", null, "prof1", Now.AddDays(-1), Paused: true),
        new(Guid.NewGuid(), "Later", "RVT-2026-CCCCCC", "Aanmelding en advies", "RvtChair", null, Now.AddDays(3), Paused: false),
    ];

    [Theory]
    [InlineData(null, InboxStatus.All, "Te laat,Gepauzeerd,Later")]
    [InlineData("Netwerkberaad", InboxStatus.All, "Te laat,Gepauzeerd")]
    [InlineData(null, InboxStatus.Overdue, "Te laat")]
    [InlineData(null, InboxStatus.Open, "Te laat,Later")]
    [InlineData(null, InboxStatus.Paused, "Gepauzeerd")]
    [InlineData("Aanmelding en advies", InboxStatus.Overdue, "")]
    public void Apply_KeepsTheOrder_AndOnlyWhatMatches(string? route, InboxStatus status, string expected)
    {
        var shown = InboxFilter.Apply(Rows, route, status, Now);

        Assert.Equal(expected, string.Join(",", shown.Select(r => r.Title)));
    }
}
