using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// How long casus content is kept after a traject closes, by the heaviest route it reached (DESIGN
/// section 8). The defaults are a starting point for the organisations that own the data to set: light
/// advice is kept briefly, a traject that reached a court measure as long as a jeugdbescherming file.
/// </summary>
public sealed class RetentionOptions
{
    public Dictionary<string, string> Periods { get; set; } = new(StringComparer.Ordinal)
    {
        ["advies-zonder-vervolgroute"] = "P1Y",
        ["begeleiding-in-duo"] = "P2Y",
        ["netwerkberaad"] = "P2Y",
        ["interventiegesprek-rvdk"] = "P5Y",
        ["maatregel"] = "P20Y",
    };

    /// <summary>The period for a route; an unknown route gets the longest, never the shortest.</summary>
    public FlowDuration PeriodFor(string? route) =>
        route is not null && Periods.TryGetValue(route, out var period)
            ? FlowDuration.Parse(period)
            : Periods.Values.Select(FlowDuration.Parse).MaxBy(d => d.AddTo(DateTimeOffset.UnixEpoch));
}
