using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>Reports for managers and the RVT: counts, overdue and stuck lists, lead times, incidents, the half-year figures.</summary>
public static class ReportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Rapportages");
        reports.MapGet("/half-year-figures", GetHalfjaarcijfersAsync)
            .Access(Policies.Reports).WithSummary("De halfjaarcijfers van het RVT voor een jaar.");
        reports.MapGet("/half-year-figures.csv", GetHalfjaarcijfersCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Access(Policies.Reports).WithSummary("De halfjaarcijfers als CSV (puntkomma's, voor Excel).");
        reports.MapGet("/overdue", ListOverdueAsync).InputCanBeRefused()
            .Access(Policies.Reports)
            .WithSummary("Taken over hun termijn: casuscode, stap, team, dagen te laat (geen inhoud); filter op team (of zonderTeam=true), route (flow-id) en stap.");
        reports.MapGet("/overdue/summary", SummarizeOverdueAsync)
            .Access(Policies.Reports).WithSummary("Taken over hun termijn per team, route en stap: aantal en hoe laat de oudste is.");
        reports.MapGet("/counts", GetDashboardCountsAsync)
            .Access(Policies.Reports).WithSummary("De tellers van het dashboard: te laat, vastgelopen, incidenten, lopende trajecten.");
        reports.MapGet("/lead-times", GetDoorlooptijdenAsync)
            .Access(Policies.Reports).WithSummary("Mediaan en 90e percentiel (dagen) van aanmelding tot advies en van advies tot einde route, per maand.");
        reports.MapGet("/stuck", ListStuckAsync)
            .Access(Policies.Reports).WithSummary("Stappen die langer dan hun norm wachten (of, met ?dagen=N, langer dan N dagen): casuscode, stap, team, dagen, norm (geen inhoud).");
        reports.MapGet("/incidents", ListIncidentsAsync).InputCanBeRefused()
            .Access(Policies.OperateInstances).WithSummary("Vastgelopen instanties met hun fout, nieuwste eerst.");
    }

    private static async Task<Results<Ok<HalfjaarcijfersView>, InvalidProblem>> GetHalfjaarcijfersAsync(int jaar, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetHalfjaarcijfers(jaar, CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Results<FileContentHttpResult, InvalidProblem>> GetHalfjaarcijfersCsvAsync(int jaar, HttpContext http, IMediator m,
        CancellationToken ct)
    {
        var figures = await m.Send(new GetHalfjaarcijfers(jaar, CurrentUser.From(http)), ct);
        return figures.Succeeded
            ? TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(HalfjaarcijfersHandler.Csv(figures.Value!))).ToArray(),
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

    private static async Task<Ok<IReadOnlyList<IncidentView>>> ListIncidentsAsync(int? skip, int? take, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListIncidents(skip ?? 0, take ?? 100, CurrentUser.From(http)), ct)).ToOk();
}
