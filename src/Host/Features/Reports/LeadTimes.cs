using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>Lead time of one route in one period: how many finished, median and 90th percentile in days (hidden below five).</summary>
/// <param name="Aantal">The count as shown ("&lt;5" below five).</param>
public sealed record LeadTimeFigure(string Aantal, int? MediaanDagen, int? P90Dagen);

public sealed record LeadTimeMonth(string Maand, LeadTimeFigure Cijfer);

public sealed record LeadTimeRoute(string RouteId, string Naam, LeadTimeFigure Totaal, IReadOnlyList<LeadTimeMonth> Maanden);

public sealed record Doorlooptijden(DateOnly Van, DateOnly Tot, IReadOnlyList<LeadTimeRoute> Routes);

/// <summary>Lead times over the last <paramref name="Maanden"/> calendar months (this month included).</summary>
public sealed record GetDoorlooptijden(int Maanden, CurrentUser User) : IRequest<RequestResult<Doorlooptijden>>;

/// <summary>
/// Lead times from the instances themselves: the aanmelding subflow runs from the aanmelding to the
/// recorded advies, each route's subflow from the advies to the end of that route. Only finished
/// instances count (a route stopped by the Stopknop did not end as a route). Months are Amsterdam months
/// of finishing. Instances leave with retention, so the window reaches back as far as the retention term.
/// </summary>
public sealed class LeadTimeHandler(IWorkflowMonitoring monitoring, Auditor audit, TimeProvider clock) : IRequestHandler<GetDoorlooptijden, RequestResult<Doorlooptijden>>
{
    public static readonly IReadOnlyList<(string Id, string Naam)> Segments =
    [
        (RvtRoutes.Aanmelding, "Aanmelding tot advies"),
        ("rvt-netwerkberaad", "Advies tot einde netwerkberaad"),
        ("rvt-interventiegesprek-rvdk", "Advies tot einde interventiegesprek RvdK"),
        ("rvt-begeleiding-in-duo", "Advies tot einde begeleiding in duo"),
    ];

    public async ValueTask<RequestResult<Doorlooptijden>> Handle(GetDoorlooptijden request, CancellationToken ct)
    {
        if (request.Maanden is < 1 or > 60) return RequestResult<Doorlooptijden>.Invalid("maanden", "Kies 1 tot 60 maanden.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DutchCalendar.Amsterdam).DateTime);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - request.Maanden);
        var months = Enumerable.Range(0, request.Maanden + 1).Select(i => firstMonth.AddMonths(i)).ToList();
        var bounds = months.Select(StartOf).ToList();
        var counts = await monitoring.CountLeadTimesAsync([.. Segments.Select(s => s.Id)], bounds, ct);
        var routes = Segments.Select(segment =>
        {
            var mine = counts.Where(c => c.DefinitionId == segment.Id).ToList();
            return new LeadTimeRoute(segment.Id, segment.Naam, Figure(mine),
                [.. months.SkipLast(1).Select((month, i) => new LeadTimeMonth(month.ToString("yyyy-MM"), Figure(mine.Where(c => c.Period == i))))]);
        }).ToList();
        await audit.RecordAsync(request.User, "rapportage.doorlooptijden", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeAccountability,
            detail: $"{request.Maanden} maanden", ct: ct);
        return RequestResult<Doorlooptijden>.Ok(new Doorlooptijden(months[0], months[^1], routes));
    }

    /// <summary>Median and 90th percentile (nearest rank) from a histogram of whole days.</summary>
    public static LeadTimeFigure Figure(IEnumerable<LeadTimeBucket> histogram)
    {
        var bins = histogram.GroupBy(c => c.Days).Select(g => (Days: g.Key, Count: g.Sum(c => c.Count))).OrderBy(b => b.Days).ToList();
        var total = bins.Sum(b => b.Count);
        if (total == 0 || SmallCounts.IsSmall(total)) return new LeadTimeFigure(SmallCounts.Show(total), null, null);
        return new LeadTimeFigure(SmallCounts.Show(total), Rank(0.5), Rank(0.9));

        int Rank(double share)
        {
            var rank = (int)Math.Ceiling(share * total);
            var seen = 0;
            foreach (var (days, count) in bins)
                if ((seen += count) >= rank) return days;
            return bins[^1].Days;
        }
    }

    private static DateTimeOffset StartOf(DateOnly month)
    {
        var local = month.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }
}
