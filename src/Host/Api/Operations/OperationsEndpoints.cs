using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Api.Operations;

/// <summary>Instances for operators, reports for managers and the RVT, and the audit log for admins.</summary>
public static class OperationsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instanties");
        instances.MapGet("/{id:guid}", GetInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een instantie: status, journaal, wachtende stappen, incidenten (geen variabelen).");
        instances.MapPost("/{id:guid}/cancel", CancelInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een instantie stoppen; taken vervallen, niets wordt verwijderd.");
        instances.MapPost("/{id:guid}/retry", RetryInstanceAsync)
            .Access(Policies.OperateInstances).WithSummary("Een incident opnieuw proberen.");
        instances.MapPost("/retry", RetryIncidentsAsync)
            .Access(Policies.OperateInstances).WithSummary("Meerdere incidenten opnieuw proberen (hoogstens 100); per instantie de uitkomst.");

        var reports = api.MapGroup("/rapportages").WithTags("Rapportages");
        reports.MapGet("/halfjaarcijfers", GetHalfjaarcijfersAsync)
            .Access(Policies.Reports).WithSummary("De halfjaarcijfers van het RVT voor een jaar.");
        reports.MapGet("/halfjaarcijfers.csv", GetHalfjaarcijfersCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Access(Policies.Reports).WithSummary("De halfjaarcijfers als CSV (puntkomma's, voor Excel).");
        reports.MapGet("/te-laat", ListOverdueAsync).InputCanBeRefused()
            .Access(Policies.Reports)
            .WithSummary("Taken over hun termijn: casuscode, stap, team, dagen te laat (geen inhoud); filter op team (of zonderTeam=true), route (flow-id) en stap.");
        reports.MapGet("/te-laat/samenvatting", SummarizeOverdueAsync)
            .Access(Policies.Reports).WithSummary("Taken over hun termijn per team, route en stap: aantal en hoe laat de oudste is.");
        reports.MapGet("/overzicht", GetDashboardCountsAsync)
            .Access(Policies.Reports).WithSummary("De tellers van het dashboard: te laat, vastgelopen, incidenten, lopende trajecten.");
        reports.MapGet("/doorlooptijden", GetDoorlooptijdenAsync)
            .Access(Policies.Reports).WithSummary("Mediaan en 90e percentiel (dagen) van aanmelding tot advies en van advies tot einde route, per maand.");
        reports.MapGet("/vastgelopen", ListStuckAsync)
            .Access(Policies.Reports).WithSummary("Stappen die langer dan hun norm wachten (of, met ?dagen=N, langer dan N dagen): casuscode, stap, team, dagen, norm (geen inhoud).");
        reports.MapGet("/incidenten", ListIncidentsAsync).InputCanBeRefused()
            .Access(Policies.OperateInstances).WithSummary("Vastgelopen instanties met hun fout, nieuwste eerst.");

        api.MapGet("/audit", SearchAuditAsync).InputCanBeRefused()
            .WithTags("Audit").Access(Policies.Admin).WithSummary("Het auditlog doorzoeken, nieuwste eerst; blader met ?voor=<volgnummer>.");
    }

    private static async Task<Results<Ok<InstanceView>, NotFoundProblem>> GetInstanceAsync(Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetInstance(id, CurrentUser.From(http)), ct)).ToOkOr404();

    private static async Task<Results<Ok<InstanceView>, InvalidProblem, NotFoundProblem, ConflictProblem>> CancelInstanceAsync(Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new CancelInstance(id, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<InstanceView>, InvalidProblem, NotFoundProblem, ConflictProblem>> RetryInstanceAsync(Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new RetryInstance(id, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<IReadOnlyList<RetryLine>>, InvalidProblem>> RetryIncidentsAsync(RetryInput body, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new RetryIncidents(body.Instanties ?? [], CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Results<Ok<HalfjaarcijfersView>, InvalidProblem>> GetHalfjaarcijfersAsync(int jaar, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetHalfjaarcijfers(jaar, CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Results<FileContentHttpResult, InvalidProblem>> GetHalfjaarcijfersCsvAsync(int jaar, HttpContext http, IMediator m,
        CancellationToken ct)
    {
        var figures = await m.Send(new GetHalfjaarcijfers(jaar, CurrentUser.From(http)), ct);
        return figures.Succeeded
            ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(OperationsHandlers.Csv(figures.Value!))).ToArray(),
                "text/csv; charset=utf-8", $"halfjaarcijfers-{jaar}.csv")
            : figures.ToInvalid();
    }

    private static async Task<Ok<IReadOnlyList<WaitingTaskLine>>> ListOverdueAsync(string? team, bool? zonderTeam, string? route, string? stap, int? skip,
        int? take, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListOverdueTasks(skip ?? 0, take ?? 100, CurrentUser.From(http),
            new TaskFilter(team, route, stap, NoGroup: zonderTeam == true)), ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<OverdueSummaryLine>>> SummarizeOverdueAsync(IMediator m, CancellationToken ct) =>
        (await m.Send(new SummarizeOverdue(), ct)).ToOk();

    private static async Task<Ok<DashboardCounts>> GetDashboardCountsAsync(IMediator m, CancellationToken ct) =>
        (await m.Send(new GetDashboardCounts(), ct)).ToOk();

    private static async Task<Results<Ok<Doorlooptijden>, InvalidProblem>> GetDoorlooptijdenAsync(int? maanden, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetDoorlooptijden(maanden ?? 12, CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Results<Ok<IReadOnlyList<WaitingTaskLine>>, InvalidProblem>> ListStuckAsync(int? dagen, int? skip, int? take,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListStuckTasks(dagen, skip ?? 0, take ?? 100, CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Ok<IReadOnlyList<IncidentView>>> ListIncidentsAsync(int? skip, int? take, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListIncidents(skip ?? 0, take ?? 100), ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> SearchAuditAsync(string? casus, string? gebruiker, string? gebeurtenis, DateTimeOffset? van,
        DateTimeOffset? tot, long? voor, int? take, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SearchAudit(new AuditQuery(casus, gebruiker, gebeurtenis, van, tot, voor, take ?? 100), CurrentUser.From(http)), ct)).ToOk();
}

/// <summary>The incidents to retry, by instance id.</summary>
public sealed record RetryInput(IReadOnlyList<Guid>? Instanties);
