using Mediator;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;

namespace ProcessEngine.Host.Api.Casus;

public sealed record GetCasusTijdlijn(string Code, CurrentUser User) : IRequest<Outcome<IReadOnlyList<TijdlijnRegel>>>;

/// <summary>
/// Handing a printed Veiligheidskaart to the family takes casus data out of the system: the print is an
/// export, audited with the version printed, apart from reading it on screen.
/// </summary>
public sealed record PrintVeiligheidskaart(string Code, int Versie, CurrentUser User) : IRequest<Outcome<int>>;

public sealed class TijdlijnHandlers(TrajectService trajecten, CasusTimeline timeline, CasusGuard guard, Auditor audit) :
    IRequestHandler<GetCasusTijdlijn, Outcome<IReadOnlyList<TijdlijnRegel>>>,
    IRequestHandler<PrintVeiligheidskaart, Outcome<int>>
{
    public async ValueTask<Outcome<IReadOnlyList<TijdlijnRegel>>> Handle(GetCasusTijdlijn request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<IReadOnlyList<TijdlijnRegel>>(request.User, request.Code, "casus.timeline", AuditAction.Read, ct);
        if (refusal is not null) return refusal;
        var regels = await timeline.BuildAsync((await trajecten.FindCasusAsync(request.Code, ct))!, ct);
        await audit.CasusAsync(request.User, "casus.timeline", AuditAction.Read, request.Code, access, ct: ct);
        return Outcome<IReadOnlyList<TijdlijnRegel>>.Ok(regels);
    }

    public async ValueTask<Outcome<int>> Handle(PrintVeiligheidskaart request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<int>(request.User, request.Code, "veiligheidskaart.print", AuditAction.Execute, ct);
        if (refusal is not null) return refusal;
        await audit.CasusAsync(request.User, "veiligheidskaart.print", AuditAction.Execute, request.Code, access, detail: $"versie {request.Versie}", ct: ct);
        return Outcome<int>.Ok(request.Versie);
    }
}
