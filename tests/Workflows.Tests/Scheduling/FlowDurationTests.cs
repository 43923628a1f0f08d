using System.Globalization;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Tests.Scheduling;

public class FlowDurationTests
{
    [Theory]
    [InlineData("P3M", "P3M")]
    [InlineData("P10W", "P10W")]
    [InlineData("P5D", "P5D")]
    [InlineData("P1Y2M10DT2H30M", "P1Y2M10DT2H30M")]
    [InlineData("PT15M", "PT15M")]
    [InlineData(" p1dt2h ", "P1DT2H")]
    [InlineData("P0D", "PT0S")]
    [InlineData("5 werkdagen", "5 werkdagen")]
    [InlineData("  5 WerkDagen ", "5 werkdagen")]
    [InlineData("1 werkdag", "1 werkdag")]
    [InlineData("2 werkdag", "2 werkdagen")]
    public void ToString_ReturnsCanonicalText_WhenParsedFromFlowText(string text, string canonical)
    {
        Assert.Equal(canonical, FlowDuration.Parse(text).ToString());
    }

    [Fact]
    public void Parse_ReadsEveryUnit_WhenGivenFullIsoDuration()
    {
        var duration = FlowDuration.Parse("P1Y2M10DT2H30M5S");

        Assert.Equal((1, 2, 0, 10), (duration.Years, duration.Months, duration.Weeks, duration.Days));
        Assert.Equal((2, 30, 5, 0), (duration.Hours, duration.Minutes, duration.Seconds, duration.Werkdagen));
    }

    [Fact]
    public void Parse_ReadsOnlyWerkdagen_WhenGivenWorkingDays()
    {
        var duration = FlowDuration.Parse("3 werkdagen");

        Assert.Equal(3, duration.Werkdagen);
        Assert.Equal((0, 0, 0, 0), (duration.Years, duration.Months, duration.Weeks, duration.Days));
        Assert.Equal((0, 0, 0), (duration.Hours, duration.Minutes, duration.Seconds));
        Assert.Equal(duration, FlowDuration.Parse("3 WERKDAG"));
    }

    [Theory]
    [InlineData("P3X")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1DT")]
    [InlineData("P1M2Y")]
    [InlineData("3 days")]
    [InlineData("5 werkdagen extra")]
    [InlineData("PT0.5S")]
    [InlineData("P1,5D")]
    [InlineData("P1W2D")]
    [InlineData("-P1D")]
    [InlineData("0 werkdagen")]
    [InlineData("P1000000D")]
    [InlineData("P99999999999Y")]
    public void TryParse_ReturnsErrorNamingText_WhenTextIsNotADuration(string text)
    {
        var parsed = FlowDuration.TryParse(text, out var duration, out var error);

        Assert.False(parsed);
        Assert.Equal(default, duration);
        Assert.Contains($"'{text}'", error);
    }

    [Theory]
    [InlineData("PT0.5S", "has a fraction")]
    [InlineData("P1W2D", "write 'P9D', or weeks alone like 'P10W'")]
    [InlineData("P1M1W", "write 'P1M7D'")]
    [InlineData("-P1D", "is negative")]
    [InlineData("0 werkdagen", "at least '1 werkdag'")]
    [InlineData("P1000000D", "above 999999")]
    [InlineData("P3X", "is not a duration: use ISO 8601 like 'P3M', 'P10W', 'PT2H' or '5 werkdagen'")]
    public void TryParse_ExplainsWhatToWrite_WhenTextIsNotADuration(string text, string advice)
    {
        Assert.False(FlowDuration.TryParse(text, out _, out var error));
        Assert.Contains(advice, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryParse_AsksForDuration_WhenTextIsMissing(string? text)
    {
        Assert.False(FlowDuration.TryParse(text, out _, out var error));
        Assert.StartsWith("A duration is required", error);
    }

    [Fact]
    public void Parse_ThrowsFormatExceptionWithAdvice_WhenTextIsNotADuration()
    {
        var exception = Assert.Throws<FormatException>(() => FlowDuration.Parse("P3X"));

        Assert.Equal("'P3X' is not a duration: use ISO 8601 like 'P3M', 'P10W', 'PT2H' or '5 werkdagen'.", exception.Message);
    }

    [Theory]
    [InlineData("PT0S", true)]
    [InlineData("P0Y0D", true)]
    [InlineData("PT1S", false)]
    [InlineData("1 werkdag", false)]
    public void IsZero_ReturnsWhetherEveryAmountIsZero_WhenParsed(string text, bool expected)
    {
        Assert.Equal(expected, FlowDuration.Parse(text).IsZero);
        Assert.True(default(FlowDuration).IsZero);
    }

    [Theory]
    // 5 werkdagen from Friday 18 December 2026: 21, 22, 23, 24, then Kerst and the weekend, then Monday 28.
    [InlineData("5 werkdagen", "2026-12-18T10:00:00+01:00", "2026-12-28T09:00:00Z")]
    // Saturday evening before the spring DST change: Monday at the same wall-clock time, now in summer time.
    [InlineData("1 werkdag", "2026-03-28T18:00:00+01:00", "2026-03-30T16:00:00Z")]
    // End-of-month clamp as DateTime.AddMonths does; 09:00 winter time becomes 09:00 summer time.
    [InlineData("P3M", "2026-01-31T09:00:00+01:00", "2026-04-30T07:00:00Z")]
    // Over the spring DST change (29 March 2026) a day keeps 09:00 local (23 hours); 24 hours land at 10:00.
    [InlineData("P1D", "2026-03-28T09:00:00+01:00", "2026-03-29T07:00:00Z")]
    [InlineData("PT24H", "2026-03-28T09:00:00+01:00", "2026-03-29T08:00:00Z")]
    // Over the autumn DST change (25 October 2026) a day keeps 09:00 local, 25 hours later.
    [InlineData("P1D", "2026-10-24T09:00:00+02:00", "2026-10-25T08:00:00Z")]
    // Calendar part first (2 March 09:00), then the elapsed part (+2h30).
    [InlineData("P1DT2H30M", "2026-03-01T09:00:00+01:00", "2026-03-02T10:30:00Z")]
    [InlineData("P1Y", "2024-02-29T12:00:00+01:00", "2025-02-28T11:00:00Z")]
    [InlineData("P1Y1M", "2024-02-29T12:00:00+01:00", "2025-03-29T11:00:00Z")]
    [InlineData("P2W", "2026-03-20T09:00:00+01:00", "2026-04-03T07:00:00Z")]
    // Wall clock 02:30 on 29 March 2026 does not exist: moved forward by the gap to 03:30 summer time.
    [InlineData("P1D", "2026-03-28T02:30:00+01:00", "2026-03-29T01:30:00Z")]
    // Wall clock 02:30 on 25 October 2026 happens twice: the first, summer-time, occurrence is taken.
    [InlineData("P1D", "2026-10-24T02:30:00+02:00", "2026-10-25T00:30:00Z")]
    // Elapsed time from the second 02:30 stays exact: it is not read back through the wall clock.
    [InlineData("PT1H", "2026-10-25T02:30:00+01:00", "2026-10-25T02:30:00Z")]
    [InlineData("PT0S", "2026-06-01T12:00:00+05:00", "2026-06-01T07:00:00Z")]
    public void AddTo_ReturnsExpectedUtcInstant_WhenAddedInAmsterdam(string duration, string start, string expected)
    {
        var result = FlowDuration.Parse(duration).AddTo(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void AddTo_KeepsNineOClockLocal_WhenDayCrossesSpringDstChange()
    {
        var start = new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.FromHours(1));

        var local = TimeZoneInfo.ConvertTime(FlowDuration.Parse("P1D").AddTo(start), DutchCalendar.Amsterdam);

        Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(local.DateTime));
        Assert.Equal(TimeSpan.FromHours(2), local.Offset);
    }
}
