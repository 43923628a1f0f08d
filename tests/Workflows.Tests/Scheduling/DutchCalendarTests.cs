using System.Globalization;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Tests.Scheduling;

public class DutchCalendarTests
{
    private static DateOnly Day(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2038, "2038-04-25")] // the latest date Easter can fall on
    [InlineData(2285, "2285-03-22")] // the earliest date Easter can fall on
    public void EasterSunday_ReturnsKnownDate_WhenGivenYear(int year, string expected)
    {
        Assert.Equal(Day(expected), DutchCalendar.EasterSunday(year));
    }

    [Theory]
    [InlineData("2026-01-01")] // Nieuwjaarsdag
    [InlineData("2026-04-05")] // Eerste Paasdag
    [InlineData("2026-04-06")] // Tweede Paasdag
    [InlineData("2026-04-27")] // Koningsdag on a Monday
    [InlineData("2026-05-05")] // Bevrijdingsdag, not a lustrum year
    [InlineData("2026-05-14")] // Hemelvaartsdag: Easter + 39
    [InlineData("2026-05-24")] // Eerste Pinksterdag: Easter + 49
    [InlineData("2026-05-25")] // Tweede Pinksterdag: Easter + 50
    [InlineData("2026-12-25")] // Eerste Kerstdag
    [InlineData("2026-12-26")] // Tweede Kerstdag
    [InlineData("2025-04-26")] // Koningsdag moved to Saturday because 27 April 2025 is a Sunday
    public void IsPublicHoliday_ReturnsTrue_WhenDateIsHolidayUnderTermijnenwet(string date)
    {
        Assert.True(DutchCalendar.IsPublicHoliday(Day(date)));
    }

    [Theory]
    [InlineData("2026-04-03")] // Goede Vrijdag is not in the Algemene termijnenwet
    [InlineData("2026-04-26")] // the day before Koningsdag when 27 April is not a Sunday
    [InlineData("2025-04-27")] // 27 April on a Sunday: Koningsdag moved to the 26th
    [InlineData("2026-05-04")] // Dodenherdenking
    [InlineData("2026-05-13")] // the day before Hemelvaart
    [InlineData("2026-12-24")] // Kerstavond
    [InlineData("2026-12-31")] // Oudejaarsdag
    public void IsPublicHoliday_ReturnsFalse_WhenDateIsNotInTheLaw(string date)
    {
        Assert.False(DutchCalendar.IsPublicHoliday(Day(date)));
    }

    [Theory]
    [InlineData("2026-03-27", true)]  // a plain Friday
    [InlineData("2026-03-28", false)] // Saturday
    [InlineData("2026-03-29", false)] // Sunday
    [InlineData("2026-05-14", false)] // Hemelvaart, a Thursday
    [InlineData("2026-05-15", true)]  // the Friday after Hemelvaart is a werkdag
    public void IsWerkdag_ReturnsExpected_WhenGivenDate(string date, bool expected)
    {
        Assert.Equal(expected, DutchCalendar.IsWerkdag(Day(date)));
    }

    [Theory]
    [InlineData("2026-01-09", 1, "2026-01-12")]  // Friday + 1 skips the weekend
    [InlineData("2026-01-05", 5, "2026-01-12")]  // Monday + 5 is the next Monday
    [InlineData("2026-12-23", 2, "2026-12-28")]  // Wednesday + 2 skips Kerst and the weekend
    [InlineData("2026-12-18", 5, "2026-12-28")]  // Friday + 5: 21, 22, 23, 24, then 28 after Kerst
    [InlineData("2026-12-31", 1, "2027-01-04")]  // Nieuwjaarsdag 2027 is a Friday
    [InlineData("2026-05-13", 1, "2026-05-15")]  // over Hemelvaart
    [InlineData("2026-05-22", 1, "2026-05-26")]  // over Pinksteren
    public void AddWerkdagen_SkipsWeekendsAndHolidays_WhenCountIsPositive(string start, int count, string expected)
    {
        Assert.Equal(Day(expected), DutchCalendar.AddWerkdagen(Day(start), count));
    }

    [Theory]
    [InlineData("2026-03-27", "2026-03-27")] // a werkdag stays put
    [InlineData("2026-12-25", "2026-12-28")] // Kerst on Friday rolls over the weekend to Monday
    public void AddWerkdagen_ReturnsFirstWerkdagFromStart_WhenCountIsZero(string start, string expected)
    {
        Assert.Equal(Day(expected), DutchCalendar.AddWerkdagen(Day(start), 0));
    }

    [Fact]
    public void AddWerkdagen_ThrowsWithAllowedRange_WhenCountIsNegative()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => DutchCalendar.AddWerkdagen(new DateOnly(2026, 1, 5), -1));

        Assert.Equal("count", exception.ParamName);
        Assert.Contains("must be 0 or more", exception.Message);
    }

    [Fact]
    public void Amsterdam_IsEuropeAmsterdamZone_WhenRead()
    {
        Assert.Equal("Europe/Amsterdam", DutchCalendar.Amsterdam.Id);
        Assert.Equal(TimeSpan.FromHours(2), DutchCalendar.Amsterdam.GetUtcOffset(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc)));
    }
}
