using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Migrating;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>Moving running trajecten to a new flow version: sources, plan check, preview (JSON or CSV), runs and their control.</summary>
public static class MigrationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var flow = api.MapGroup("/flows/{id}/migrations").WithTags("Verplaatsen");
        flow.MapGet("/sources", GetSourcesAsync)
            .Access(Policies.ManageFlows).WithSummary("De gepubliceerde versies van een flow met het aantal lopende trajecten op elk.");
        flow.MapPost("/check", CheckAsync)
            .Access(Policies.ManageFlows).WithSummary("Een plan controleren; 200 met waar elke wachtende activiteit heen gaat, of 400 met per veld wat niet klopt.");
        flow.MapPost("/preview", PreviewAsync)
            .Access(Policies.ManageFlows).WithSummary("Wat het plan met elk traject doet, berekend zonder iets op te slaan.");
        flow.MapPost("/preview.csv", PreviewCsvAsync).Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Access(Policies.ManageFlows).WithSummary("De preview als CSV (puntkomma, UTF-8), een regel per wachtende stap.");
        flow.MapPost("/", StartAsync)
            .Access(Policies.ManageFlows).WithSummary("De verplaatsing starten (reden verplicht); loopt op de achtergrond, elk traject in een eigen transactie.");
        flow.MapGet("/", ListAsync)
            .Access(Policies.ManageFlows).WithSummary("De verplaatsingen van deze flow, nieuwste eerst.");
        var runs = api.MapGroup("/migrations").WithTags("Verplaatsen");
        runs.MapGet("/{runId:guid}", GetAsync)
            .Access(Policies.ManageFlows).WithSummary("Voortgang van een verplaatsing, met de trajecten die niet verplaatst zijn en waarom.");
        runs.MapPost("/{runId:guid}/pause", (Guid runId, HttpContext http, IMediator m, CancellationToken ct) => ChangeAsync(runId, MigrationRunStatus.Paused, http, m, ct))
            .Access(Policies.ManageFlows).WithSummary("Pauzeren na het traject dat nu verplaatst wordt.");
        runs.MapPost("/{runId:guid}/resume", (Guid runId, HttpContext http, IMediator m, CancellationToken ct) => ChangeAsync(runId, MigrationRunStatus.Running, http, m, ct))
            .Access(Policies.ManageFlows).WithSummary("Een gepauzeerde verplaatsing verder laten gaan.");
        runs.MapPost("/{runId:guid}/cancel", (Guid runId, HttpContext http, IMediator m, CancellationToken ct) => ChangeAsync(runId, MigrationRunStatus.Cancelled, http, m, ct))
            .Access(Policies.ManageFlows).WithSummary("Stoppen; verplaatste trajecten blijven verplaatst, de rest blijft op de oude versie.");
    }

    private static async Task<Results<Ok<MigrationSourcesView>, NotFoundProblem>> GetSourcesAsync(string id, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetMigrationSources(id), ct)).ToOkOr404();

    private static async Task<Results<Ok<MigrationCheckView>, InvalidProblem, NotFoundProblem>> CheckAsync(string id, MigrationInput body, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new CheckMigrationPlan(id, body), ct)).ToOkOr400Or404();

    private static async Task<Results<Ok<MigrationPreviewView>, InvalidProblem, NotFoundProblem>> PreviewAsync(string id, MigrationInput body, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new PreviewMigration(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or404();

    private static async Task<Results<FileContentHttpResult, InvalidProblem, NotFoundProblem>> PreviewCsvAsync(string id, MigrationInput body, HttpContext http, IMediator m,
        CancellationToken ct)
    {
        var preview = await m.Send(new PreviewMigration(id, body, CurrentUser.From(http)), ct);
        return preview.Succeeded
            ? TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(MigrationCsv.Write(preview.Value!))], "text/csv; charset=utf-8",
                $"verplaatsen-{id}.csv")
            : preview.Kind == ResultKind.NotFound ? preview.ToNotFound() : preview.ToInvalid();
    }

    private static async Task<Results<Created<MigrationRunView>, InvalidProblem, ForbiddenProblem, NotFoundProblem>> StartAsync(string id, MigrationInput body,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new StartMigrationRun(id, body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403Or404(run => $"/api/migrations/{run.Id}");

    private static async Task<Results<Ok<IReadOnlyList<MigrationRunView>>, NotFoundProblem>> ListAsync(string id, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListMigrationRuns(id), ct)).ToOkOr404();

    private static async Task<Results<Ok<MigrationRunView>, NotFoundProblem>> GetAsync(Guid runId, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetMigrationRun(runId), ct)).ToOkOr404();

    private static async Task<Results<Ok<MigrationRunView>, InvalidProblem, NotFoundProblem, ConflictProblem>> ChangeAsync(Guid runId, MigrationRunStatus to,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ChangeMigrationRun(runId, to, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();
}
