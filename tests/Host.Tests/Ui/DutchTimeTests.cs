using ProcessEngine.Host.Components;

namespace ProcessEngine.Host.Tests.Ui;

public sealed class DutchTimeTests
{
    // 10:00 in Amsterdam on Tuesday 24 November 2026 (UTC+1).
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0, 5, "vandaag")]
    [InlineData(0, -1, "vandaag verlopen")]
    [InlineData(1, 0, "morgen")]
    [InlineData(3, 0, "over 3 dagen")]
    [InlineData(-1, 0, "1 dag te laat")]
    [InlineData(-2, 0, "2 dagen te laat")]
    public void Due_CountsCalendarDaysInTheNetherlands(int days, int hours, string expected) =>
        Assert.Equal(expected, DutchTime.Due(Now.AddDays(days).AddHours(hours), Now));

    [Fact]
    public void Due_JustAfterMidnightInAmsterdam_IsTomorrowAlthoughItIsTheSameDayInUtc() =>
        // 23:30 UTC is 00:30 the next day in Amsterdam.
        Assert.Equal("morgen", DutchTime.Due(new DateTimeOffset(2026, 11, 24, 23, 30, 0, TimeSpan.Zero), Now));

    [Fact]
    public void Due_WithoutADueMoment_SaysSo() => Assert.Equal("geen termijn", DutchTime.Due(null, Now));

    [Fact]
    public void Dates_AreWrittenInDutch() =>
        Assert.Equal(("24 november 2026", "24 november 2026 10:00", "24-11-2026 10:00"), (DutchTime.Date(Now), DutchTime.Moment(Now), DutchTime.Short(Now)));

    [Fact]
    public void DashboardWords_AreDutch() => Assert.Equal(
        ("10:00:00", "1 dag", "12 dagen", "mrt 2026", "mrt '26"),
        (DutchTime.Clock(Now), DutchTime.Days(1), DutchTime.Days(12), DutchTime.Month("2026-03"), DutchTime.ShortMonth("2026-03")));
}
