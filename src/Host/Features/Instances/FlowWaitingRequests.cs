using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Instances;

/// <summary>Where a flow's running instances wait now, per activity (the studio's heat map). Counts only: no casus in it.</summary>
public sealed record GetFlowWaiting(string DefinitionId) : IRequest<RequestResult<IReadOnlyList<WaitingAtActivity>>>;

/// <summary>The instances waiting at one activity of a flow, longest first (a click on the heat map).</summary>
public sealed record ListWaitingInstances(string DefinitionId, string ActivityId, CurrentUser User) : IRequest<RequestResult<WaitingInstancesView>>;

/// <summary>
/// The instances at one activity. <paramref name="ShowsCodes"/>: whether casus codes are given (the RVT chair, who may see
/// every casus, as in the migration preview); otherwise only instance ids. <paramref name="Limit"/> is the most listed.
/// </summary>
public sealed record WaitingInstancesView(IReadOnlyList<WaitingInstanceLine> Lines, bool ShowsCodes, int Limit);

public sealed record WaitingInstanceLine(Guid InstanceId, int Version, string? CasusCode, string Kind, DateTimeOffset Since, DateTimeOffset? DueAt);

public sealed class FlowWaitingHandlers(IWorkflowMonitoring monitoring, IWorkflowDefinitionStore definitions, Auditor audit, TimeProvider clock) :
    IRequestHandler<GetFlowWaiting, RequestResult<IReadOnlyList<WaitingAtActivity>>>,
    IRequestHandler<ListWaitingInstances, RequestResult<WaitingInstancesView>>
{
    public const int Limit = 100;

    public async ValueTask<RequestResult<IReadOnlyList<WaitingAtActivity>>> Handle(GetFlowWaiting request, CancellationToken ct) =>
        await definitions.FindLatestAsync(request.DefinitionId, ct) is null
            ? RequestResult<IReadOnlyList<WaitingAtActivity>>.NotFound(NoFlow(request.DefinitionId))
            : RequestResult<IReadOnlyList<WaitingAtActivity>>.Ok(await monitoring.SummarizeWaitingAsync(request.DefinitionId, clock.GetUtcNow(), ct));

    public async ValueTask<RequestResult<WaitingInstancesView>> Handle(ListWaitingInstances request, CancellationToken ct)
    {
        if (await definitions.FindLatestAsync(request.DefinitionId, ct) is null)
            return RequestResult<WaitingInstancesView>.NotFound(NoFlow(request.DefinitionId));
        var rows = await monitoring.FindWaitingAtAsync(request.DefinitionId, request.ActivityId, Limit, ct);
        // The migration preview's rule: casus codes only for whoever may see every casus (the RVT chair), and then audited as a list read.
        var showCodes = request.User.IsIn(Roles.RvtChair);
        if (showCodes)
            await audit.ListAsync(request.User, "flow.waiting", Auditor.PurposeManagement, rows.Select(r => r.CorrelationId), rows.Count, ct: ct);
        return RequestResult<WaitingInstancesView>.Ok(new([.. rows.Select(r => new WaitingInstanceLine(r.InstanceId, r.DefinitionVersion,
            showCodes ? r.CorrelationId : null, r.Kind.ToString(), r.Since, r.DueAt))], showCodes, Limit));
    }

    private static string NoFlow(string id) => $"Er is geen flow '{id}'.";
}
