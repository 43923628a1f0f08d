using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Tests.Scheduling;

/// <summary>A flow's text as a moment: a date is 00:00 in Amsterdam (summer and winter time), an instant keeps its offset.</summary>
public sealed class FlowMomentTests
{
    [Theory]
    [InlineData("2026-06-02", "2026-06-01T22:00:00Z")] // summer time: UTC+2
    [InlineData("2026-01-15", "2026-01-14T23:00:00Z")] // winter time: UTC+1
    [InlineData("2026-03-29", "2026-03-28T23:00:00Z")] // the day the clocks go forward starts in winter time
    [InlineData("2026-06-02T08:00:00Z", "2026-06-02T08:00:00Z")]
    [InlineData("2026-06-02T10:00:00+02:00", "2026-06-02T08:00:00Z")]
    [InlineData("2026-06-02T10:00:00", "2026-06-02T10:00:00Z")] // no offset: UTC, as before
    public void TryParse_ReadsADateAsMidnightInAmsterdam_AndAnInstantAsItSays(string text, string expected)
    {
        Assert.True(FlowMoment.TryParse(text, out var moment));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), moment);
        Assert.Equal(TimeSpan.Zero, moment.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2 juni")]
    [InlineData("2026-13-40")]
    public void TryParse_RefusesWhatIsNoMoment(string text) => Assert.False(FlowMoment.TryParse(text, out _));
}
