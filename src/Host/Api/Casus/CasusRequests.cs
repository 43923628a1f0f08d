using Mediator;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Api.Casus;

public sealed record AanmeldingCreated(string CasusCode, Guid? InstanceId);

public sealed record Aanmelden(CasusIntake Intake, CurrentUser User) : IRequest<Outcome<AanmeldingCreated>>;
public sealed record GetCasus(string Code, CurrentUser User) : IRequest<Outcome<CasusView>>;
public sealed record PressStopknop(string Code, string? Reden, CurrentUser User) : IRequest<Outcome<TrajectStatus>>;

public sealed class CasusHandlers(TrajectService trajecten, MaatregelService maatregelen, NetwerkService netwerk, IWorkflowStore engine,
    CasusGuard guard, Auditor audit) :
    IRequestHandler<Aanmelden, Outcome<AanmeldingCreated>>,
    IRequestHandler<GetCasus, Outcome<CasusView>>,
    IRequestHandler<PressStopknop, Outcome<TrajectStatus>>
{
    public async ValueTask<Outcome<AanmeldingCreated>> Handle(Aanmelden request, CancellationToken ct)
    {
        var result = await trajecten.RegisterIntakeAsync(request.Intake, request.User.UserName, ct);
        if (result.Succeeded)
            await audit.CasusAsync(request.User, "casus.create", AuditAction.Create, result.Value!.CasusCode, Access.CasusAccessResult.Inbrenger, ct: ct);
        return result.ToOutcome(t => new AanmeldingCreated(t.CasusCode, t.WorkflowInstanceId), created: true);
    }

    public async ValueTask<Outcome<CasusView>> Handle(GetCasus request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<CasusView>(request.User, request.Code, "casus.read", AuditAction.Read, ct);
        if (refusal is not null) return refusal;
        var casus = (await trajecten.FindCasusAsync(request.Code, ct))!;
        var traject = await trajecten.FindTrajectAsync(request.Code, ct);
        var status = await trajecten.StatusAsync(request.Code, ct);
        var tasks = await engine.GetTasksAsync(request.Code, ct);
        // The domain row never records the route; the traject's flow holds it in its variable "route" (see workflows-json/README.md).
        var route = traject?.Route ?? (traject?.WorkflowInstanceId is { } instanceId
            ? (await engine.FindInstanceAsync(instanceId, ct))?.Variables.GetValueOrDefault("route") as string
            : null);
        var view = new CasusView(casus.Code, casus.Organisatie, casus.Inbrenger, casus.Hulpvraag, casus.Huishouden, casus.Onveiligheid,
            casus.AnalyseAanwezig, casus.VeiligheidskaartAanwezig, casus.GezinWeetVanAanmelding, casus.CreatedAt, casus.ContentDeletedAt is not null,
            traject is null ? null : new TrajectView(Dutch(status ?? traject.Status), route, traject.ZwaarsteRoute, traject.StartedAt,
                traject.ClosedAt, traject.AfsluitReden, traject.BewarenTot),
            [.. tasks.Select(TaskView.From)],
            await maatregelen.ListAsync(request.Code, ct),
            await netwerk.ListAsync(request.Code, ct));
        await audit.CasusAsync(request.User, "casus.read", AuditAction.Read, request.Code, access, ct: ct);
        return Outcome<CasusView>.Ok(view);
    }

    public async ValueTask<Outcome<TrajectStatus>> Handle(PressStopknop request, CancellationToken ct)
    {
        var (access, refusal) = await guard.EnterAsync<TrajectStatus>(request.User, request.Code, "traject.stopknop", AuditAction.Update, ct);
        if (refusal is not null) return refusal;
        var result = await trajecten.StopknopAsync(request.Code, request.Reden, request.User.UserName, ct);
        if (result.Succeeded) await audit.CasusAsync(request.User, "traject.stopknop", AuditAction.Update, request.Code, access, ct: ct);
        return result.ToOutcome(s => s);
    }

    public static string Dutch(TrajectStatus status) => status switch
    {
        TrajectStatus.Lopend => "lopend",
        TrajectStatus.GepauzeerdDoorStopknop => "gepauzeerd door Stopknop",
        _ => "afgesloten",
    };
}
