using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Flows;
using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Validation;
using static ProcessEngine.Host.Components.DutchTime;

namespace ProcessEngine.Host.Features.Flows;

/// <summary>A flow's draft offered for publication, as the studio and the API show it.</summary>
/// <param name="IsCurrent">False when the draft was saved since it was offered: approving it is refused, and the request is void.</param>
public sealed record PendingPublication(string RequestedBy, DateTimeOffset RequestedAt, int DraftVersion, string DraftStamp, bool IsCurrent)
{
    internal static PendingPublication Of(FlowPublicationRequest request, WorkflowDefinitionRecord? latest) => new(request.RequestedBy,
        request.RequestedAt, request.DraftVersion, request.DraftStamp, FlowPublicationHandlers.Offers(request, latest));
}

/// <summary>Why the flow's last offer was turned down (shown until the draft is offered again).</summary>
public sealed record PublicationRejection(int DraftVersion, string RequestedBy, string RejectedBy, DateTimeOffset RejectedAt, string Reason)
{
    internal static PublicationRejection? Of(FlowPublicationRejection? row) =>
        row is null ? null : new(row.DraftVersion, row.RequestedBy, row.RejectedBy, row.RejectedAt, row.Reason);
}

/// <summary>Offers the flow's current draft for publication (four eyes: another coordinator or admin approves it).</summary>
public sealed record RequestPublication(string Id, CurrentUser User) : IRequest<RequestResult<FlowDocument>>;
/// <summary>Publishes exactly the draft that was offered; refused to whoever offered it.</summary>
public sealed record ApprovePublication(string Id, CurrentUser User) : IRequest<RequestResult<FlowDocument>>;
/// <summary>Turns the request down with a reason (or withdraws it, by whoever offered it); the draft stays.</summary>
public sealed record RejectPublication(string Id, string? Reason, CurrentUser User) : IRequest<RequestResult<FlowDocument>>;

/// <summary>The body of a rejection.</summary>
public sealed record RejectPublicationInput(string? Reason);

/// <summary>
/// Four eyes on every publication from the studio or the API: one coordinator or admin offers a draft, a different one approves
/// it, and what is published is the draft as it was offered (its stamp and the hash of its text), never a later save. Offering,
/// approving, rejecting and a request that lapsed are each an audit line, committed with the change. Shipped flows (installed
/// from workflows-json at start-up) are not offered: they are the installer's files.
/// </summary>
public sealed class FlowPublicationHandlers(IWorkflowDefinitionStore definitions, WorkflowDefinitionService service, FlowCompiler compiler,
    FlowPublicationStore requests, Auditor audit, TimeProvider clock) :
    IRequestHandler<RequestPublication, RequestResult<FlowDocument>>,
    IRequestHandler<ApprovePublication, RequestResult<FlowDocument>>,
    IRequestHandler<RejectPublication, RequestResult<FlowDocument>>
{
    public const int MaxReason = 150;

    public async ValueTask<RequestResult<FlowDocument>> Handle(RequestPublication request, CancellationToken ct)
    {
        var latest = await definitions.FindLatestAsync(request.Id, ct);
        if (latest is null) return NotFound(request.Id);
        if (latest.IsPublished)
            return RequestResult<FlowDocument>.Conflict($"Versie {latest.Version} is al gepubliceerd; er is geen concept om ter publicatie aan te bieden.");
        var compiled = compiler.Compile(latest.Json, latest.Version);
        if (!compiled.IsValid) return FlowHandlers.Invalid(compiled.Errors, "De flow bevat fouten en kan niet ter publicatie worden aangeboden.");
        var pending = await requests.FindAsync(request.Id, ct);
        if (pending is not null && Offers(pending, latest))
            return Same(pending.RequestedBy, request.User.UserName)
                ? RequestResult<FlowDocument>.Ok(FlowHandlers.Document(latest, [], PendingPublication.Of(pending, latest)))
                : RequestResult<FlowDocument>.Conflict($"{pending.RequestedBy} heeft dit concept al ter publicatie aangeboden op {Short(pending.RequestedAt)}; "
                    + "keur het goed of wijs het af.");
        var offer = new FlowPublicationRequest
        {
            DefinitionId = latest.DefinitionId, RequestId = Guid.CreateVersion7(clock.GetUtcNow()), DraftVersion = latest.Version,
            DraftStamp = latest.Stamp, ContentHash = FlowPublicationStore.HashOf(latest.Json), RequestedBy = request.User.UserName,
            RequestedAt = clock.GetUtcNow(),
        };
        // A request whose draft changed since is void; the new offer takes its place.
        var line = Line(request.User, "flow.publish.request", AuditAction.Create, latest, pending is null ? null : $"vervangt verzoek van {pending.RequestedBy}");
        if (!await requests.OfferAsync(offer, pending?.RequestId, line, ct))
            return RequestResult<FlowDocument>.Conflict("Iemand anders heeft deze flow op hetzelfde moment aangeboden of afgehandeld. Laad de flow opnieuw.");
        return RequestResult<FlowDocument>.Ok(FlowHandlers.Document(latest, [], PendingPublication.Of(offer, latest)));
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(ApprovePublication request, CancellationToken ct)
    {
        var latest = await definitions.FindLatestAsync(request.Id, ct);
        if (latest is null) return NotFound(request.Id);
        if (await requests.FindAsync(request.Id, ct) is not { } pending) return NoRequest(request.Id);
        if (Same(pending.RequestedBy, request.User.UserName))
        {
            // Trying to publish one's own work alone is what four eyes exist to stop: the refusal is in the log too.
            await audit.RecordAsync(request.User, "flow.publish.approve", AuditAction.Update, AuditOutcome.Refused, Auditor.PurposeManagement,
                detail: $"{latest.DefinitionId} v{pending.DraftVersion}: eigen verzoek", ct: ct);
            return RequestResult<FlowDocument>.Forbidden("U heeft dit concept zelf ter publicatie aangeboden. Een andere coördinator of beheerder "
                + "moet het goedkeuren (vier ogen).");
        }
        if (!Offers(pending, latest)) return await VoidAsync(request.User, pending, latest, ct);
        var approval = (WorkflowDefinitionRecord record) => UnitOfWorkParts.Of(FlowPublicationStore.Removal(pending.DefinitionId, pending.RequestId),
            Line(request.User, "flow.publish.approve", AuditAction.Update, record, $"aangeboden door {pending.RequestedBy}"));
        DefinitionResult published;
        try
        {
            published = await service.PublishAsync(request.Id, approval, ct, expectedStamp: pending.DraftStamp);
        }
        catch (ConcurrencyConflictException)
        {
            return RequestResult<FlowDocument>.Conflict("Het verzoek is op hetzelfde moment door iemand anders afgehandeld. Laad de flow opnieuw.");
        }
        if (published.Conflict) return await VoidAsync(request.User, pending, published.Record ?? latest, ct);
        if (!published.Succeeded) return FlowHandlers.Invalid(published.Errors, "De flow bevat fouten en is niet gepubliceerd.");
        return RequestResult<FlowDocument>.Ok(FlowHandlers.Document(published.Record!, []));
    }

    public async ValueTask<RequestResult<FlowDocument>> Handle(RejectPublication request, CancellationToken ct)
    {
        var latest = await definitions.FindLatestAsync(request.Id, ct);
        if (latest is null) return NotFound(request.Id);
        if (await requests.FindAsync(request.Id, ct) is not { } pending) return NoRequest(request.Id);
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return RequestResult<FlowDocument>.Invalid("reason", "Zeg waarom het verzoek wordt afgewezen.");
        if (reason.Length > MaxReason) return RequestResult<FlowDocument>.Invalid("reason", $"Maximaal {MaxReason} tekens.");
        // The reason lands in the audit log, which outlives every casus: no identifier may go there.
        if (IdentifierGuard.Find(reason) is [var first, ..]) return RequestResult<FlowDocument>.Invalid("reason", first.Message);
        var withdrawn = Same(pending.RequestedBy, request.User.UserName);
        var line = Line(request.User, "flow.publish.reject", AuditAction.Delete, latest,
            (withdrawn ? "ingetrokken: " : $"verzoek van {pending.RequestedBy} afgewezen: ") + reason);
        // A withdrawal is the offerer's own choice; a rejection is kept with its reason, for the offerer to read on the flow's page.
        var rejection = withdrawn ? null : new FlowPublicationRejection
        {
            DefinitionId = pending.DefinitionId, DraftVersion = pending.DraftVersion, RequestedBy = pending.RequestedBy,
            RejectedBy = request.User.UserName, RejectedAt = clock.GetUtcNow(), Reason = reason,
        };
        if (!await requests.RemoveAsync(pending.DefinitionId, pending.RequestId, line, ct, rejection))
            return RequestResult<FlowDocument>.Conflict("Het verzoek is op hetzelfde moment door iemand anders afgehandeld. Laad de flow opnieuw.");
        return RequestResult<FlowDocument>.Ok(FlowHandlers.Document(latest, latest.IsDraft ? compiler.Compile(latest.Json, latest.Version).Errors : [])
            with { Rejection = PublicationRejection.Of(rejection) });
    }

    /// <summary>Whether the request still names the newest version exactly: the same unpublished draft, not saved since.</summary>
    internal static bool Offers(FlowPublicationRequest request, WorkflowDefinitionRecord? latest) =>
        latest is { IsDraft: true } && latest.Stamp == request.DraftStamp && FlowPublicationStore.HashOf(latest.Json) == request.ContentHash;

    // The draft changed after it was offered: what the second pair of eyes would approve is not what was offered. The request lapses.
    private async Task<RequestResult<FlowDocument>> VoidAsync(CurrentUser user, FlowPublicationRequest pending, WorkflowDefinitionRecord latest,
        CancellationToken ct)
    {
        await requests.RemoveAsync(pending.DefinitionId, pending.RequestId,
            Line(user, "flow.publish.void", AuditAction.Delete, latest, $"concept gewijzigd na aanbieden door {pending.RequestedBy}"), ct);
        return RequestResult<FlowDocument>.Conflict($"Het concept is gewijzigd nadat {pending.RequestedBy} het ter publicatie aanbood; "
            + "het verzoek is vervallen. Bied het concept opnieuw aan.");
    }

    private AuditLine Line(CurrentUser user, string eventCode, string action, WorkflowDefinitionRecord record, string? more) =>
        audit.Line(user, eventCode, action, Auditor.PurposeManagement,
            detail: $"{record.DefinitionId} v{record.Version}" + (more is null ? "" : $": {more}"));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static RequestResult<FlowDocument> NotFound(string id) => RequestResult<FlowDocument>.NotFound($"Flow '{id}' bestaat niet.");

    private static RequestResult<FlowDocument> NoRequest(string id) =>
        RequestResult<FlowDocument>.NotFound($"Flow '{id}' heeft geen verzoek tot publicatie dat op goedkeuring wacht.");
}
