using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;

namespace ProcessEngine.Host.Features.Casus;

public sealed record GetCasusTimeline(string CasusCode, CurrentUser User) : ICasusRequest<IReadOnlyList<TimelineEntry>>
{
    public CasusAuditLine Audit => new("casus.timeline", AuditAction.Read);
}

/// <summary>
/// Handing a printed Veiligheidskaart to the family takes casus data out of the system: the print is an
/// export, audited with the version printed, apart from reading it on screen.
/// </summary>
public sealed record PrintVeiligheidskaart(string CasusCode, int Versie, CurrentUser User) : ICasusRequest<int>
{
    public CasusAuditLine Audit => new("veiligheidskaart.print", AuditAction.Execute, $"versie {Versie}");
}

public sealed class TimelineHandlers(TrajectService trajecten, CasusTimeline timeline) :
    IRequestHandler<GetCasusTimeline, RequestResult<IReadOnlyList<TimelineEntry>>>,
    IRequestHandler<PrintVeiligheidskaart, RequestResult<int>>
{
    public async ValueTask<RequestResult<IReadOnlyList<TimelineEntry>>> Handle(GetCasusTimeline request, CancellationToken ct) =>
        RequestResult<IReadOnlyList<TimelineEntry>>.Ok(await timeline.BuildAsync((await trajecten.FindCasusAsync(request.CasusCode, ct))!, ct));

    public ValueTask<RequestResult<int>> Handle(PrintVeiligheidskaart request, CancellationToken ct) =>
        ValueTask.FromResult(RequestResult<int>.Ok(request.Versie));
}
