using System.Globalization;
using System.Text;
using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;

namespace ProcessEngine.Host.Features.Reports;

public sealed record GetHalfjaarcijfers(int Jaar, CurrentUser User) : IRequest<RequestResult<HalfjaarcijfersView>>;

/// <summary>The RVT's half-year figures for one year, as the page and the CSV show them; looking at them is accounted for.</summary>
public sealed class HalfjaarcijfersHandler(HalfjaarcijfersService cijfers, Auditor audit) :
    IRequestHandler<GetHalfjaarcijfers, RequestResult<HalfjaarcijfersView>>
{
    public async ValueTask<RequestResult<HalfjaarcijfersView>> Handle(GetHalfjaarcijfers request, CancellationToken ct)
    {
        if (request.Jaar is < 2000 or > 2100) return RequestResult<HalfjaarcijfersView>.Invalid("jaar", "Kies een jaar tussen 2000 en 2100.");
        var figures = await cijfers.ForYearAsync(request.Jaar, ct);
        await audit.RecordAsync(request.User, "rapportage.halfjaarcijfers", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeAccountability,
            detail: request.Jaar.ToString(CultureInfo.InvariantCulture), ct: ct);
        return RequestResult<HalfjaarcijfersView>.Ok(HalfjaarcijfersView.From(figures));
    }

    /// <summary>
    /// The figures as CSV in the factsheet's shape, the same cells as the page: onderdeel; eerste halfjaar; tweede
    /// halfjaar; totaal. A heading line keeps its place with empty number cells, so the lines paste onto the factsheet's.
    /// </summary>
    public static string Csv(HalfjaarcijfersView figures)
    {
        var csv = new StringBuilder();
        csv.Append("onderdeel;eerste halfjaar ").Append(figures.Jaar).Append(";tweede halfjaar ").Append(figures.Jaar).Append(";totaal\r\n");
        foreach (var row in figures.Rijen)
            csv.Append(Quote(row.Onderdeel)).Append(';').Append(row.EersteHalfjaar).Append(';').Append(row.TweedeHalfjaar).Append(';').Append(row.Totaal).Append("\r\n");
        return csv.ToString();

        static string Quote(string text) => text.Contains(';') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
