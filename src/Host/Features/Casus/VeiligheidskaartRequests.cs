using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Features.Casus;

public sealed record GetVeiligheidskaart(string CasusCode, CurrentUser User) : ICasusRequest<VeiligheidskaartView>
{
    public CasusAuditLine Audit => new("veiligheidskaart.read", AuditAction.Read, "versie 0");
    public CasusAuditLine AuditFor(VeiligheidskaartView value) => Audit with { Detail = $"versie {value.Versie}" };
}

public sealed record ListVeiligheidskaartVersions(string CasusCode, CurrentUser User) : ICasusRequest<IReadOnlyList<VeiligheidskaartView>>
{
    public CasusAuditLine Audit => new("veiligheidskaart.history", AuditAction.Read);
}

public sealed record CompareVeiligheidskaart(string CasusCode, int Van, int Tot, CurrentUser User) : ICasusRequest<VerschilView>
{
    public CasusAuditLine Audit => new("veiligheidskaart.compare", AuditAction.Read, $"{Van}-{Tot}");
}

public sealed record SaveVeiligheidskaart(string CasusCode, VeiligheidskaartInhoud? Inhoud, int? BasisVersie, CurrentUser User)
    : ICasusRequest<VeiligheidskaartView>, ICasusChange
{
    /// <summary>A save that lands is always version basis + 1 (anything else is refused as stale), so the line is known beforehand.</summary>
    public CasusAuditLine Audit => new("veiligheidskaart.update", BasisVersie == 0 ? AuditAction.Create : AuditAction.Update, $"versie {BasisVersie + 1}");

    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

/// <summary>
/// The Veiligheidskaart through the API and the UI: current, history, difference, and a save that always makes a new
/// version. Involvement and the audit line come from the casus pipeline (<see cref="CasusInvolvementBehavior{TMessage, TResponse}"/>).
/// </summary>
public sealed class VeiligheidskaartHandlers(VeiligheidskaartService kaarten) :
    IRequestHandler<GetVeiligheidskaart, RequestResult<VeiligheidskaartView>>,
    IRequestHandler<ListVeiligheidskaartVersions, RequestResult<IReadOnlyList<VeiligheidskaartView>>>,
    IRequestHandler<CompareVeiligheidskaart, RequestResult<VerschilView>>,
    IRequestHandler<SaveVeiligheidskaart, RequestResult<VeiligheidskaartView>>
{
    public async ValueTask<RequestResult<VeiligheidskaartView>> Handle(GetVeiligheidskaart request, CancellationToken ct)
    {
        var current = (await kaarten.HistoryAsync(request.CasusCode, ct)).LastOrDefault();
        return current is null
            ? RequestResult<VeiligheidskaartView>.NotFound("Deze casus heeft nog geen Veiligheidskaart.")
            : RequestResult<VeiligheidskaartView>.Ok(VeiligheidskaartView.From(current));
    }

    public async ValueTask<RequestResult<IReadOnlyList<VeiligheidskaartView>>> Handle(ListVeiligheidskaartVersions request, CancellationToken ct) =>
        RequestResult<IReadOnlyList<VeiligheidskaartView>>.Ok([.. (await kaarten.HistoryAsync(request.CasusCode, ct)).Select(VeiligheidskaartView.From)]);

    public async ValueTask<RequestResult<VerschilView>> Handle(CompareVeiligheidskaart request, CancellationToken ct)
    {
        var history = await kaarten.HistoryAsync(request.CasusCode, ct);
        var van = history.FirstOrDefault(v => v.Nummer == request.Van);
        var tot = history.FirstOrDefault(v => v.Nummer == request.Tot);
        var errors = new Dictionary<string, string>();
        if (van is null) errors["van"] = $"Versie {request.Van} bestaat niet.";
        if (tot is null) errors["tot"] = $"Versie {request.Tot} bestaat niet.";
        if (errors.Count > 0) return RequestResult<VerschilView>.Invalid(errors);
        return RequestResult<VerschilView>.Ok(new VerschilView(request.Van, request.Tot, VeiligheidskaartVerschil.Tussen(van!.Inhoud, tot!.Inhoud)));
    }

    public async ValueTask<RequestResult<VeiligheidskaartView>> Handle(SaveVeiligheidskaart request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (request.Inhoud is null) errors["inhoud"] = "Stuur de inhoud van de Veiligheidskaart mee.";
        if (request.BasisVersie is null or < 0) errors["basisVersie"] = "Geef de versie waarop uw wijziging is gebaseerd (0 voor de eerste).";
        if (errors.Count > 0) return RequestResult<VeiligheidskaartView>.Invalid(errors);
        var saved = await kaarten.SaveAsync(request.CasusCode, request.Inhoud!, request.User.UserName, request.BasisVersie!.Value, request.Line, ct);
        return saved.ToResult(VeiligheidskaartView.From, created: true).Prefixed("inhoud.");
    }
}
