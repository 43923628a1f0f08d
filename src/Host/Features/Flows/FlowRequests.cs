using System.Text.Json;
using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Host.Features.Flows;

public sealed record FlowSummary(string Id, string Name, int LatestVersion, int? LiveVersion, bool HasDraft, int RunningInstances,
    DateTimeOffset UpdatedAt, string Origin)
{
    /// <summary>The draft offered for publication, waiting for a second coordinator or admin; null when none waits.</summary>
    public PendingPublication? Publication { get; init; }
}

public sealed record FlowVersion(string Id, int Version, string Name, bool IsPublished, bool IsLive, DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt, string Origin)
{
    /// <summary>Send it back as <c>If-Match</c> when saving a draft: a save by someone else in between answers 409 instead of being overwritten.</summary>
    public string Stamp { get; init; } = "";
}

/// <summary>A version with its JSON and, for a draft, what stands between it and publishing.</summary>
public sealed record FlowDocument(FlowVersion Version, JsonElement Flow, IReadOnlyList<FlowError> Errors)
{
    /// <summary>For the newest version: the request to publish it, waiting for a second coordinator or admin; null when none waits.</summary>
    public PendingPublication? Publication { get; init; }

    /// <summary>For the newest version while no request waits: why the last offer was turned down; null when it was not.</summary>
    public PublicationRejection? Rejection { get; init; }
}

public sealed record ListFlows : IRequest<RequestResult<IReadOnlyList<FlowSummary>>>;
public sealed record GetFlow(string Id, int? Version) : IRequest<RequestResult<FlowDocument>>;
public sealed record ListFlowVersions(string Id) : IRequest<RequestResult<IReadOnlyList<FlowVersion>>>;
/// <param name="BasedOn">The stamp of the version the editor loaded (<see cref="FlowVersion.Stamp"/>); null: last save wins.</param>
public sealed record SaveFlowDraft(string Json, CurrentUser User, string? BasedOn = null) : IRequest<RequestResult<FlowDocument>>;
/// <summary>Stores a valid flow file as the flow's draft; publishing it is a request of its own (four eyes, <see cref="RequestPublication"/>).</summary>
public sealed record ImportFlow(string Json, CurrentUser User) : IRequest<RequestResult<FlowDocument>>;
/// <summary>What changed from version <c>From</c> to version <c>To</c> of one flow.</summary>
public sealed record CompareFlowVersions(string Id, int From, int To) : IRequest<RequestResult<FlowComparison>>;

public sealed class FlowHandlers(IWorkflowDefinitionStore definitions, WorkflowDefinitionService service, FlowCompiler compiler,
    IWorkflowMonitoring monitoring, FlowPublicationStore publications, Auditor audit) :
    IRequestHandler<ListFlows, RequestResult<IReadOnlyList<FlowSummary>>>,
    IRequestHandler<GetFlow, RequestResult<FlowDocument>>,
    IRequestHandler<ListFlowVersions, RequestResult<IReadOnlyList<FlowVersion>>>,
    IRequestHandler<SaveFlowDraft, RequestResult<FlowDocument>>,
    IRequestHandler<ImportFlow, RequestResult<FlowDocument>>,
    IRequestHandler<CompareFlowVersions, RequestResult<FlowComparison>>
{
    public async ValueTask<RequestResult<IReadOnlyList<FlowSummary>>> Handle(ListFlows request, CancellationToken ct)
    {
        var latest = await definitions.ListLatestAsync(ct);
        var running = await monitoring.CountActiveInstancesAsync(ct);
        var waiting = await publications.AllAsync(ct);
        var list = new List<FlowSummary>();
        foreach (var flow in latest.OrderBy(f => f.Name, StringComparer.CurrentCulture))
        {
            var live = flow.IsLive ? flow : await definitions.FindLiveAsync(flow.DefinitionId, ct);
            list.Add(new FlowSummary(flow.DefinitionId, flow.Name, flow.Version, live?.Version, flow.IsDraft,
                running.GetValueOrDefault(flow.DefinitionId), flow.UpdatedAt, flow.Origin)
            {
                Publication = waiting.TryGetValue(flow.DefinitionId, out var offer) ? PendingPublication.Of(offer, flow) : null,
            });
        }
        return RequestResult<IReadOnlyList<FlowSummary>>.Ok(list);
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(GetFlow request, CancellationToken ct)
    {
        var record = request.Version is { } version
            ? await definitions.FindAsync(request.Id, version, ct)
            : await definitions.FindLatestAsync(request.Id, ct);
        if (record is null)
            return RequestResult<FlowDocument>.NotFound(request.Version is null ? $"Flow '{request.Id}' bestaat niet." : $"Flow '{request.Id}' heeft geen versie {request.Version}.");
        // The request concerns the draft it was made for (the newest version); an older version read by number shows none.
        var pending = await publications.FindAsync(request.Id, ct);
        var shown = pending is not null && (request.Version is null || request.Version == pending.DraftVersion);
        var rejection = pending is null && request.Version is null ? await publications.FindRejectionAsync(request.Id, ct) : null;
        return RequestResult<FlowDocument>.Ok(Document(record, record.IsDraft ? compiler.Compile(record.Json, record.Version).Errors : [],
            shown ? PendingPublication.Of(pending!, record) : null) with { Rejection = PublicationRejection.Of(rejection) });
    }

    public async ValueTask<RequestResult<IReadOnlyList<FlowVersion>>> Handle(ListFlowVersions request, CancellationToken ct)
    {
        var versions = await definitions.ListVersionsAsync(request.Id, ct);
        return versions.Count == 0
            ? RequestResult<IReadOnlyList<FlowVersion>>.NotFound($"Flow '{request.Id}' bestaat niet.")
            : RequestResult<IReadOnlyList<FlowVersion>>.Ok([.. versions.OrderByDescending(v => v.Version).Select(Version)]);
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(SaveFlowDraft request, CancellationToken ct)
    {
        // A draft may hold errors (work in progress), but it must at least be a flow with an id.
        var saved = await service.SaveDraftAsync(request.Json, Line(request.User, "flow.draft", AuditAction.Update), ct, request.BasedOn);
        if (saved.Conflict)
            return RequestResult<FlowDocument>.Conflict(
                $"Iemand anders heeft deze flow opgeslagen sinds u hem opende ({(saved.Record!.IsDraft ? "concept" : "versie")} {saved.Record.Version}, " +
                $"{Components.DutchTime.Short(saved.Record.UpdatedAt)}). Uw wijzigingen zijn niet opgeslagen.");
        if (!saved.Succeeded) return Invalid(saved.Errors);
        // A request to publish names the draft it was made for; once the draft is saved again, the page shows it lapsed.
        var pending = await publications.FindAsync(saved.Record!.DefinitionId, ct);
        var rejection = pending is null ? await publications.FindRejectionAsync(saved.Record.DefinitionId, ct) : null;
        return RequestResult<FlowDocument>.Ok(Document(saved.Record!, saved.Errors, pending is null ? null : PendingPublication.Of(pending, saved.Record))
            with { Rejection = PublicationRejection.Of(rejection) });
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(ImportFlow request, CancellationToken ct)
    {
        // Checked before anything is stored: a refused import must not overwrite a coordinator's draft.
        var compiled = compiler.Compile(request.Json);
        if (!compiled.IsValid) return Invalid(compiled.Errors);
        // A draft, not a publication: an imported file goes live only when a second coordinator or admin approves it (four eyes).
        var imported = await service.SaveDraftAsync(request.Json, Line(request.User, "flow.import", AuditAction.Create), ct);
        if (!imported.Succeeded) return Invalid(imported.Errors);
        return RequestResult<FlowDocument>.Created(Document(imported.Record!, []));
    }

    /// <summary>The coordinator's line, naming the flow and version as stored: committed with the flow's rows.</summary>
    private Func<WorkflowDefinitionRecord, IUnitOfWorkPart?> Line(CurrentUser user, string eventCode, string action) => record =>
        audit.Line(user, eventCode, action, Auditor.PurposeManagement, detail: $"{record.DefinitionId} v{record.Version}");

    public async ValueTask<RequestResult<FlowComparison>> Handle(CompareFlowVersions request, CancellationToken ct)
    {
        var older = await definitions.FindAsync(request.Id, request.From, ct);
        var newer = await definitions.FindAsync(request.Id, request.To, ct);
        if (older is null || newer is null)
            return RequestResult<FlowComparison>.NotFound($"Flow '{request.Id}' heeft geen versie {(older is null ? request.From : request.To)}.");
        // A stored draft may be work in progress, but it always parses: the store refuses anything that does not.
        var before = FlowJson.TryParse(older.Json, out _) ?? new WorkflowDefinitionModel();
        var after = FlowJson.TryParse(newer.Json, out _) ?? new WorkflowDefinitionModel();
        return RequestResult<FlowComparison>.Ok(FlowComparison.Compare(before, after));
    }

    /// <summary>Flow errors keyed by their JSON path, so a client can put each message on the node or field it concerns.</summary>
    internal static RequestResult<FlowDocument> Invalid(IReadOnlyList<FlowError> errors, string? message = null) =>
        RequestResult<FlowDocument>.Invalid(errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Message))),
            message ?? "De flow is niet geldig.");

    private static FlowVersion Version(WorkflowDefinitionRecord record) => new(record.DefinitionId, record.Version, record.Name,
        record.IsPublished, record.IsLive, record.UpdatedAt, record.PublishedAt, record.Origin) { Stamp = record.Stamp };

    internal static FlowDocument Document(WorkflowDefinitionRecord record, IReadOnlyList<FlowError> errors, PendingPublication? publication = null)
    {
        using var json = JsonDocument.Parse(record.Json);
        return new FlowDocument(Version(record), json.RootElement.Clone(), errors) { Publication = publication };
    }
}
