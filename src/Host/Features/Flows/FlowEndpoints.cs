using System.Text;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Features.Flows;

/// <summary>
/// Flows for coordinators: list, read, versions, export, save draft, import (validated, as a draft), publish with four eyes (one
/// offers the draft, another approves or rejects it), and the activity library.
/// </summary>
public static class FlowEndpoints
{
    /// <summary>A flow file is small; anything larger is refused before it is parsed.</summary>
    public const int MaxFlowBytes = 1_000_000;

    public static void Map(RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");
        flows.MapGet("/", ListAsync)
            .Access(Policies.ManageFlows).WithSummary("Alle flows: laatste en gepubliceerde versie, concept, lopende instanties.");
        flows.MapGet("/{id}", GetAsync).InputCanBeRefused()
            .Access(Policies.ManageFlows).WithSummary("Een flow (laatste versie, of ?version=N) met de fouten van een concept.");
        flows.MapGet("/{id}/versions", ListVersionsAsync)
            .Access(Policies.ManageFlows).WithSummary("Alle versies van een flow, nieuwste eerst.");
        flows.MapGet("/{id}/compare", CompareAsync).InputCanBeRefused()
            .Access(Policies.ManageFlows).WithSummary("Wat er verschilt tussen versie ?van=N en versie ?tot=M: activiteiten, invoer en verbindingen.");
        flows.MapGet("/{id}/export", ExportAsync).InputCanBeRefused().Produces<System.Text.Json.JsonElement>(StatusCodes.Status200OK, "application/json")
            .Access(Policies.ManageFlows).WithSummary("Het flowbestand (JSON, hetzelfde formaat als workflows-json/).");
        flows.MapPut("/{id}/draft", SaveDraftAsync).WithBodySizeLimit(MaxFlowBytes)
            .Access(Policies.ManageFlows).Accepts<object>("application/json")
            .WithSummary("Concept opslaan (mag fouten bevatten; die komen terug in 'errors'). Met If-Match: de 'stamp' van de geladen versie; "
                + "409 als iemand anders intussen opsloeg.");
        flows.MapPost("/import", ImportAsync).WithBodySizeLimit(MaxFlowBytes)
            .Access(Policies.ManageFlows).Accepts<object>("application/json")
            .WithSummary("Een flowbestand importeren als concept (niet gepubliceerd: dat vraagt een tweede coördinator of beheerder); "
                + "met fouten wordt niets opgeslagen (400 met het JSON-pad van elke fout).");
        flows.MapPost("/{id}/publish-request", RequestPublicationAsync)
            .Access(Policies.ManageFlows).WithSummary("Het concept ter publicatie aanbieden (vier ogen: een andere coördinator of beheerder keurt het goed); "
                + "400 met de foutenlijst zolang het niet geldig is, 409 als er geen concept is of iemand anders het al aanbood.");
        flows.MapPost("/{id}/publish-request/approve", ApprovePublicationAsync)
            .Access(Policies.ManageFlows).WithSummary("Het aangeboden concept goedkeuren en publiceren, precies zoals het werd aangeboden. 403 voor wie het zelf aanbood; "
                + "409 als het concept sindsdien is gewijzigd (het verzoek vervalt dan); 404 als er geen verzoek wacht.");
        flows.MapPost("/{id}/publish-request/reject", RejectPublicationAsync)
            .Access(Policies.ManageFlows).WithSummary("Het verzoek tot publicatie afwijzen met een reden (wie het aanbood, trekt het zo in); het concept blijft staan.");
        flows.MapPost("/{id}/test-drive", TestDriveAsync)
            .Access(Policies.ManageFlows).WithSummary("Proefrit van de nieuwste versie (het concept zoals het er staat) op een gesimuleerde klok; er wordt niets opgeslagen.");
        flows.MapPut("/{id}/scenarios", SaveScenarioAsync)
            .Access(Policies.ManageFlows).WithSummary("Een proefrit als scenario in het concept opslaan, met de tijdlijn die hij nu geeft als verwachting.");
        flows.MapGet("/{id}/scenarios/check", CheckScenariosAsync)
            .Access(Policies.ManageFlows).WithSummary("Elk opgeslagen scenario van de nieuwste versie opnieuw rijden; per scenario het eerste verschil.");
        api.MapGet("/activity-descriptors", ListActivities)
            .WithTags("Flows").Access(Policies.ManageFlows).WithSummary("De activiteiten die een flow kan gebruiken, met hun invoer en uitgangen.");
    }

    private static async Task<Ok<IReadOnlyList<FlowSummary>>> ListAsync(IMediator m, CancellationToken ct) =>
        (await m.Send(new ListFlows(), ct)).ToOk();

    private static async Task<Results<Ok<FlowDocument>, NotFoundProblem>> GetAsync(string id, int? version, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetFlow(id, version), ct)).ToOkOr404();

    private static async Task<Results<Ok<IReadOnlyList<FlowVersion>>, NotFoundProblem>> ListVersionsAsync(string id, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListFlowVersions(id), ct)).ToOkOr404();

    private static async Task<Results<Ok<FlowComparison>, NotFoundProblem>> CompareAsync(string id, int van, int tot, IMediator m, CancellationToken ct) =>
        (await m.Send(new CompareFlowVersions(id, van, tot), ct)).ToOkOr404();

    private static async Task<Results<FileContentHttpResult, NotFoundProblem>> ExportAsync(string id, int? version, IMediator m, CancellationToken ct)
    {
        var flow = await m.Send(new GetFlow(id, version), ct);
        return flow.Succeeded
            ? TypedResults.File(Encoding.UTF8.GetBytes(flow.Value!.Flow.GetRawText()), "application/json", $"{id}.json")
            : flow.ToNotFound();
    }

    private static async Task<Results<Ok<FlowDocument>, InvalidProblem, ConflictProblem>> SaveDraftAsync(string id, HttpContext http, IMediator m,
        CancellationToken ct)
    {
        var body = await ReadFlowAsync(http, id, ct);
        if (!body.Succeeded) return body.ToInvalid();
        var basedOn = http.Request.Headers.IfMatch.FirstOrDefault()?.Trim('"', ' ');
        return (await m.Send(new SaveFlowDraft(body.Value!, CurrentUser.From(http), basedOn), ct)).ToOkOr400Or409();
    }

    private static async Task<Results<Created<FlowDocument>, InvalidProblem>> ImportAsync(HttpContext http, IMediator m, CancellationToken ct)
    {
        var body = await ReadFlowAsync(http, null, ct);
        if (!body.Succeeded) return body.ToInvalid();
        return (await m.Send(new ImportFlow(body.Value!, CurrentUser.From(http)), ct)).ToCreatedOr400(flow => $"/api/flows/{flow.Version.Id}");
    }

    private static async Task<Results<Ok<FlowDocument>, InvalidProblem, NotFoundProblem, ConflictProblem>> RequestPublicationAsync(string id,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RequestPublication(id, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    private static async Task<Results<Ok<FlowDocument>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> ApprovePublicationAsync(
        string id, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ApprovePublication(id, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<FlowDocument>, InvalidProblem, NotFoundProblem, ConflictProblem>> RejectPublicationAsync(string id,
        RejectPublicationInput input, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new RejectPublication(id, input.Reason, CurrentUser.From(http)), ct)).ToOkOr400Or404Or409();

    // A step that cannot be taken is part of the answer (200, with the problem and the timeline so far); 400 is a body that is no scenario.
    private static async Task<Results<Ok<TestDriveResult>, InvalidProblem, NotFoundProblem>> TestDriveAsync(string id, ScenarioModel scenario,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new RunTestDrive(id, scenario), ct)).ToOkOr400Or404();

    private static async Task<Results<Ok<FlowDocument>, InvalidProblem, NotFoundProblem>> SaveScenarioAsync(string id, ScenarioModel scenario,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SaveScenario(id, scenario, CurrentUser.From(http)), ct)).ToOkOr400Or404();

    private static async Task<Results<Ok<IReadOnlyList<ScenarioOutcome>>, NotFoundProblem>> CheckScenariosAsync(string id, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new CheckScenarios(id), ct)).ToOkOr404();

    private static Ok<IReadOnlyList<ActivityDescriptor>> ListActivities(ActivityRegistry registry) =>
        TypedResults.Ok<IReadOnlyList<ActivityDescriptor>>([.. registry.All.OrderBy(d => d.Category).ThenBy(d => d.Type)]);

    /// <summary>The raw flow text (so that a syntax error is reported with its line), size-limited; the id in the URL must match the file's.</summary>
    private static async Task<RequestResult<string>> ReadFlowAsync(HttpContext http, string? expectedId, CancellationToken ct)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var buffer = new char[MaxFlowBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        // The endpoint's body limit answers 413 past MaxFlowBytes first; this stays so that a file is never parsed cut off.
        if (read > MaxFlowBytes) return RequestResult<string>.Invalid("$", $"Een flowbestand is ten hoogste {MaxFlowBytes} bytes.");
        var text = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(text)) return RequestResult<string>.Invalid("$", "Stuur de flow als JSON in de body.");
        if (expectedId is not null && Workflows.Definitions.FlowJson.TryParse(text, out _) is { Id: { } id } && id != expectedId)
            return RequestResult<string>.Invalid("$.id", $"De flow in de body heet '{id}', de URL noemt '{expectedId}'.");
        return RequestResult<string>.Ok(text);
    }
}
