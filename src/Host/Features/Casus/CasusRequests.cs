using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Casus;

public sealed record AanmeldingCreated(string CasusCode, Guid? InstanceId);

public sealed record RegisterAanmelding(CasusIntake Intake, CurrentUser User) : IRequest<RequestResult<AanmeldingCreated>>;
public sealed record GetCasus(string CasusCode, CurrentUser User) : ICasusRequest<CasusView>
{
    public CasusAuditLine Audit => new("casus.read", AuditAction.Read);
}

/// <param name="NamensGezin">Pressed on behalf of the family; then <paramref name="GezinZegt"/>, their own words, is required.</param>
/// <param name="Doorlaten">Route codes whose contact goes on during the pause; left out: begeleiding-in-duo; empty: everything pauses.</param>
public sealed record StopknopInput(string? Reden, bool? NamensGezin = null, string? GezinZegt = null, IReadOnlyList<string>? Doorlaten = null);

public sealed record PressStopknop(string CasusCode, string? Reden, CurrentUser User, bool NamensGezin = false, string? GezinZegt = null,
    IReadOnlyList<string>? Doorlaten = null)
    : ICasusRequest<TrajectStatus>, ICasusChange
{
    public CasusAuditLine Audit => new("traject.stopknop", AuditAction.Update);
    public AuditLine? Line { get; init; }
    public ICasusChange Alongside(AuditLine line) => this with { Line = line };
}

public sealed class CasusHandlers(TrajectService trajecten, MaatregelService maatregelen, NetwerkService netwerk, IWorkflowStore engine,
    Auditor audit, StopknopReviewers reviewers) :
    IRequestHandler<RegisterAanmelding, RequestResult<AanmeldingCreated>>,
    IRequestHandler<GetCasus, RequestResult<CasusView>>,
    IRequestHandler<PressStopknop, RequestResult<TrajectStatus>>
{
    public async ValueTask<RequestResult<AanmeldingCreated>> Handle(RegisterAanmelding request, CancellationToken ct)
    {
        // The line commits with the new casus and its flow; the service chooses the code, so it asks for the line with it.
        var result = await trajecten.RegisterIntakeAsync(request.Intake, request.User.UserName,
            code => audit.CasusLine(request.User, "casus.create", AuditAction.Create, code, Access.CasusAccessResult.Inbrenger), ct);
        return result.ToResult(t => new AanmeldingCreated(t.CasusCode, t.WorkflowInstanceId), created: true);
    }

    public async ValueTask<RequestResult<CasusView>> Handle(GetCasus request, CancellationToken ct)
    {
        var casus = (await trajecten.FindCasusAsync(request.CasusCode, ct))!;
        var traject = await trajecten.FindTrajectAsync(request.CasusCode, ct);
        var status = await trajecten.StatusAsync(request.CasusCode, ct);
        var tasks = await engine.GetTasksAsync(request.CasusCode, ct);
        // The domain row never records the route; the traject's flow holds it in its variable "route" (see workflows-json/README.md).
        var route = traject?.Route ?? (traject?.WorkflowInstanceId is { } instanceId
            ? (await engine.FindInstanceAsync(instanceId, ct))?.Variables.GetValueOrDefault("route") as string
            : null);
        var view = new CasusView(casus.Code, casus.Organisatie, casus.Inbrenger, casus.Hulpvraag, casus.Huishouden, casus.Onveiligheid,
            casus.AnalyseAanwezig, casus.VeiligheidskaartAanwezig, casus.GezinWeetVanAanmelding, casus.CreatedAt, casus.ContentDeletedAt is not null,
            traject is null ? null : new TrajectView(status ?? traject.Status, route, traject.HeaviestRoute, traject.StartedAt,
                traject.ClosedAt, traject.ClosingReason, traject.RetainUntil),
            [.. tasks.Select(TaskView.From)],
            await maatregelen.ListAsync(request.CasusCode, ct),
            await netwerk.ListAsync(request.CasusCode, ct));
        return RequestResult<CasusView>.Ok(view);
    }

    public async ValueTask<RequestResult<TrajectStatus>> Handle(PressStopknop request, CancellationToken ct)
    {
        var beoordeling = await reviewers.ChooseAsync(request.CasusCode, request.User.UserName, ct);
        var result = await trajecten.StopknopAsync(request.CasusCode,
            new StopknopMelding(request.Reden, request.NamensGezin, request.GezinZegt, beoordeling, request.Doorlaten), request.User.UserName, request.Line, ct);
        return result.ToResult(s => s);
    }
}
