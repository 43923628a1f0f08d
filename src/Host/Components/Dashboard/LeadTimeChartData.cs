using MudBlazor;
using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
namespace ProcessEngine.Host.Components.Dashboard;

/// <summary>Which figure of a lead time the trend chart draws.</summary>
public enum LeadTimeMeasure { Mediaan, P90 }

/// <summary>
/// The monthly trend of the lead times as a line chart's input: one line per route, one label per month. A month
/// whose figure is hidden (fewer than five finished, "&lt;5") or empty gets no point, so the line breaks there
/// rather than suggesting a value.
/// </summary>
/// <param name="Points">Per route the month's value or null (no point): what the chart draws, readable in tests.</param>
public sealed record LeadTimeChartData(string[] Labels, List<ChartSeries<double>> Series, IReadOnlyList<IReadOnlyList<double?>> Points)
{
    public static LeadTimeChartData From(Doorlooptijden times, LeadTimeMeasure measure)
    {
        var months = times.Routes.FirstOrDefault()?.Maanden.Select(m => m.Maand).ToList() ?? [];
        var points = times.Routes.Select(route => (IReadOnlyList<double?>)[.. months.Select(month => Point(route, month, measure))]).ToList();
        var series = times.Routes.Select((route, i) => new ChartSeries<double> { Name = route.Naam, Data = new ChartData<double>(points[i]) }).ToList();
        return new LeadTimeChartData([.. months.Select(DutchTime.ShortMonth)], series, points);
    }

    /// <summary>Whether any month has a point to draw: without one the chart would be an empty frame.</summary>
    public bool HasPoints => Points.Any(route => route.Any(p => p is not null));

    private static double? Point(LeadTimeRoute route, string month, LeadTimeMeasure measure)
    {
        var figure = route.Maanden.FirstOrDefault(m => m.Maand == month)?.Cijfer;
        return (measure == LeadTimeMeasure.Mediaan ? figure?.MediaanDagen : figure?.P90Dagen) is { } days ? days : null;
    }
}
