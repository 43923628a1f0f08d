using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Reports;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Instances;

/// <summary>Instances for operators: look at one, stop it, retry its incident, retry several at once, or repair one (preview first).</summary>
public static class InstanceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instanties");
        instances.MapGet("/{id:guid}", GetInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een instantie: status, journaal, wachtende stappen, incidenten (geen variabelen).");
        instances.MapPost("/{id:guid}/cancel", CancelInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een instantie stoppen met een reden (komt in het journaal); taken vervallen, niets wordt verwijderd.");
        instances.MapPost("/{id:guid}/retry", RetryInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een incident opnieuw proberen.");
        instances.MapPost("/{id:guid}/repair/preview", PreviewRepairAsync)
            .Access(Policies.OperateInstances).WithSummary("Wat een herstel zou doen (stap laten vervallen, verplaatsen, activiteit starten), zonder iets op te slaan.");
        instances.MapPost("/{id:guid}/repair", ApplyRepairAsync)
            .Access(Policies.OperateInstances).WithSummary("Een herstel uitvoeren, met reden; komt in het journaal en de auditlog. 409 met de reden als het niet kan.");
        instances.MapPost("/retry", RetryIncidentsAsync)
            .Access(Policies.OperateInstances).WithSummary("Meerdere incidenten opnieuw proberen (hoogstens 100); per instantie de uitkomst.");
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem>> GetInstanceAsync(Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetInstance(id, CurrentUser.From(http)), ct)).ToOkOr404();

    private static async Task<Results<Ok<InstanceView>, InvalidProblem, NotFoundProblem, ConflictProblem>> CancelInstanceAsync(Guid id, CancelInput? body,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new CancelInstance(id, body?.Reason, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<InstanceView>, InvalidProblem, NotFoundProblem, ConflictProblem>> RetryInstanceAsync(Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new RetryInstance(id, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<Workflows.InstanceMigration.RepairResult>, InvalidProblem, NotFoundProblem, ConflictProblem>> PreviewRepairAsync(Guid id,
        RepairInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new PreviewRepair(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<Workflows.InstanceMigration.RepairResult>, InvalidProblem, NotFoundProblem, ConflictProblem>> ApplyRepairAsync(Guid id,
        RepairInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ApplyRepair(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<IReadOnlyList<RetryLine>>, InvalidProblem>> RetryIncidentsAsync(RetryInput body, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new RetryIncidents(body.Instanties ?? [], CurrentUser.From(http)), ct)).ToOkOr400();
}

/// <summary>Why an instance is stopped (required).</summary>
public sealed record CancelInput(string? Reason);

/// <summary>The incidents to retry, by instance id.</summary>
public sealed record RetryInput(IReadOnlyList<Guid>? Instanties);
