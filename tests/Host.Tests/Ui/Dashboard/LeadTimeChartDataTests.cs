using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Host.Components.Dashboard;

namespace ProcessEngine.Host.Tests.Ui.Dashboard;

/// <summary>The trend chart draws a point only where the lead time is shown: never for a hidden ("&lt;5") or empty month.</summary>
public sealed class LeadTimeChartDataTests
{
    private static readonly Doorlooptijden Times = new(new DateOnly(2026, 9, 1), new DateOnly(2026, 12, 1),
    [
        Route("rvt-aanmelding", new("12", 9, 20), new("<5", null, null), new("7", 4, 6)),
        Route("rvt-netwerkberaad", new("0", null, null), new("0", null, null), new("0", null, null)),
    ]);

    [Fact]
    public void Points_FollowTheChosenMeasure_AndLeaveHiddenAndEmptyMonthsOut()
    {
        var median = LeadTimeChartData.From(Times, LeadTimeMeasure.Mediaan);
        var p90 = LeadTimeChartData.From(Times, LeadTimeMeasure.P90);

        Assert.Equal(["sep '26", "okt '26", "nov '26"], median.Labels);
        Assert.Equal(["Aanmelding tot advies", "Advies tot einde netwerkberaad"], median.Series.Select(s => s.Name));
        Assert.Equal([9, null, 4], median.Points[0]);
        Assert.Equal([20, null, 6], p90.Points[0]);
        Assert.All(median.Points[1], point => Assert.Null(point));
        Assert.True(median.HasPoints);
    }

    [Fact]
    public void HasPoints_IsFalse_WhenEveryMonthIsHiddenOrEmpty()
    {
        var hidden = Times with { Routes = [Route("rvt-aanmelding", new("<5", null, null), new("0", null, null), new("<5", null, null))] };

        Assert.False(LeadTimeChartData.From(hidden, LeadTimeMeasure.Mediaan).HasPoints);
    }

    private static LeadTimeRoute Route(string id, params LeadTimeFigure[] months) => new(id,
        LeadTimeHandler.Segments.Single(s => s.Id == id).Naam, new LeadTimeFigure("0", null, null),
        [.. months.Select((figure, i) => new LeadTimeMonth($"2026-{9 + i:00}", figure))]);
}
