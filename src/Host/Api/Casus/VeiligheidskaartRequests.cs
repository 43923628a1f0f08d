using Mediator;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;

namespace ProcessEngine.Host.Api.Casus;

public sealed record GetVeiligheidskaart(string Code, CurrentUser User) : IRequest<Outcome<VeiligheidskaartView>>;
public sealed record ListVeiligheidskaartVersies(string Code, CurrentUser User) : IRequest<Outcome<IReadOnlyList<VeiligheidskaartView>>>;
public sealed record CompareVeiligheidskaart(string Code, int Van, int Tot, CurrentUser User) : IRequest<Outcome<VerschilView>>;
public sealed record SaveVeiligheidskaart(string Code, VeiligheidskaartInhoud? Inhoud, int? BasisVersie, CurrentUser User)
    : IRequest<Outcome<VeiligheidskaartView>>;

/// <summary>The Veiligheidskaart through the API: current, history, difference, and a save that always makes a new version.</summary>
public sealed class VeiligheidskaartHandlers(VeiligheidskaartService kaarten, CasusGuard guard, Auditor audit) :
    IRequestHandler<GetVeiligheidskaart, Outcome<VeiligheidskaartView>>,
    IRequestHandler<ListVeiligheidskaartVersies, Outcome<IReadOnlyList<VeiligheidskaartView>>>,
    IRequestHandler<CompareVeiligheidskaart, Outcome<VerschilView>>,
    IRequestHandler<SaveVeiligheidskaart, Outcome<VeiligheidskaartView>>
{
    public async ValueTask<Outcome<VeiligheidskaartView>> Handle(GetVeiligheidskaart request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<VeiligheidskaartView>(request.User, request.Code, "veiligheidskaart.read", AuditAction.Read, ct);
        if (refusal is not null) return refusal;
        var current = (await kaarten.HistoryAsync(request.Code, ct)).LastOrDefault();
        await audit.CasusAsync(request.User, "veiligheidskaart.read", AuditAction.Read, request.Code, access, detail: $"versie {current?.Nummer ?? 0}", ct: ct);
        return current is null
            ? Outcome<VeiligheidskaartView>.NotFound("Deze casus heeft nog geen Veiligheidskaart.")
            : Outcome<VeiligheidskaartView>.Ok(VeiligheidskaartView.From(current));
    }

    public async ValueTask<Outcome<IReadOnlyList<VeiligheidskaartView>>> Handle(ListVeiligheidskaartVersies request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<IReadOnlyList<VeiligheidskaartView>>(request.User, request.Code, "veiligheidskaart.history", AuditAction.Read, ct);
        if (refusal is not null) return refusal;
        var history = await kaarten.HistoryAsync(request.Code, ct);
        await audit.CasusAsync(request.User, "veiligheidskaart.history", AuditAction.Read, request.Code, access, ct: ct);
        return Outcome<IReadOnlyList<VeiligheidskaartView>>.Ok([.. history.Select(VeiligheidskaartView.From)]);
    }

    public async ValueTask<Outcome<VerschilView>> Handle(CompareVeiligheidskaart request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<VerschilView>(request.User, request.Code, "veiligheidskaart.compare", AuditAction.Read, ct);
        if (refusal is not null) return refusal;
        var history = await kaarten.HistoryAsync(request.Code, ct);
        var van = history.FirstOrDefault(v => v.Nummer == request.Van);
        var tot = history.FirstOrDefault(v => v.Nummer == request.Tot);
        var errors = new Dictionary<string, string>();
        if (van is null) errors["van"] = $"Versie {request.Van} bestaat niet.";
        if (tot is null) errors["tot"] = $"Versie {request.Tot} bestaat niet.";
        if (errors.Count > 0) return Outcome<VerschilView>.Invalid(errors);
        await audit.CasusAsync(request.User, "veiligheidskaart.compare", AuditAction.Read, request.Code, access, detail: $"{request.Van}-{request.Tot}", ct: ct);
        return Outcome<VerschilView>.Ok(new VerschilView(request.Van, request.Tot, VeiligheidskaartVerschil.Tussen(van!.Inhoud, tot!.Inhoud)));
    }

    public async ValueTask<Outcome<VeiligheidskaartView>> Handle(SaveVeiligheidskaart request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<VeiligheidskaartView>(request.User, request.Code, "veiligheidskaart.update", AuditAction.Update, ct);
        if (refusal is not null) return refusal;
        var errors = new Dictionary<string, string>();
        if (request.Inhoud is null) errors["inhoud"] = "Stuur de inhoud van de Veiligheidskaart mee.";
        if (request.BasisVersie is null or < 0) errors["basisVersie"] = "Geef de versie waarop uw wijziging is gebaseerd (0 voor de eerste).";
        if (errors.Count > 0) return Outcome<VeiligheidskaartView>.Invalid(errors);
        var saved = await kaarten.SaveAsync(request.Code, request.Inhoud!, request.User.UserName, request.BasisVersie!.Value, ct);
        if (saved.Succeeded)
            await audit.CasusAsync(request.User, "veiligheidskaart.update", saved.Value!.Nummer == 1 ? AuditAction.Create : AuditAction.Update,
                request.Code, access, detail: $"versie {saved.Value.Nummer}", ct: ct);
        return saved.ToOutcome(VeiligheidskaartView.From, created: true).Prefixed("inhoud.");
    }
}
