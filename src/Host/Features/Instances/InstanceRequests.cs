using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Instances;

public sealed record JournalView(int Sequence, string ActivityId, string ActivityType, string Event, string? Outcome, DateTimeOffset StartedAt,
    DateTimeOffset EndedAt, string? Message);
public sealed record WaitingView(Guid Id, string Kind, string ActivityId, DateTimeOffset? DueAt, string? Signal, Guid? TaskId, bool Held);
public sealed record IncidentView(Guid Id, Guid InstanceId, string? DefinitionId, string? CasusCode, string ActivityId, string ActivityType,
    string ExceptionType, string Message, DateTimeOffset CreatedAt);

/// <summary>An instance as operators see it: structure and progress, never its variables (those hold casus content).</summary>
public sealed record InstanceView(Guid Id, string DefinitionId, int Version, WorkflowStatus Status, string? CasusCode, Guid? ParentInstanceId,
    DateTimeOffset CreatedAt, IReadOnlyList<JournalView> Journal, IReadOnlyList<WaitingView> Waiting, IReadOnlyList<IncidentView> Incidents);

public sealed record GetInstance(Guid Id, CurrentUser User) : IRequest<RequestResult<InstanceView>>;
/// <summary>Stopping an instance needs a reason: it goes into the instance's journal, beside the audit line.</summary>
public sealed record CancelInstance(Guid Id, string? Reason, CurrentUser User) : IRequest<RequestResult<InstanceView>>;
public sealed record RetryInstance(Guid Id, CurrentUser User) : IRequest<RequestResult<InstanceView>>;
public sealed record ListIncidents(int Skip, int Take, CurrentUser User) : IRequest<RequestResult<IReadOnlyList<IncidentView>>>;

/// <summary>Instances and incidents for operators: structure and progress, never variables.</summary>
public sealed class InstanceHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring, WorkflowRuntime runtime, Auditor audit) :
    IRequestHandler<GetInstance, RequestResult<InstanceView>>,
    IRequestHandler<CancelInstance, RequestResult<InstanceView>>,
    IRequestHandler<RetryInstance, RequestResult<InstanceView>>,
    IRequestHandler<ListIncidents, RequestResult<IReadOnlyList<IncidentView>>>
{
    private const int MaxPage = 500;

    public async ValueTask<RequestResult<InstanceView>> Handle(GetInstance request, CancellationToken ct)
    {
        var view = await ViewAsync(request.Id, ct);
        if (view is not null)
            await audit.RecordAsync(request.User, "instance.read", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeManagement, view.CasusCode,
                detail: view.Id.ToString(), ct: ct);
        return view is null ? NoInstance(request.Id) : RequestResult<InstanceView>.Ok(view);
    }

    public async ValueTask<RequestResult<InstanceView>> Handle(CancelInstance request, CancellationToken ct)
    {
        if (await engine.FindInstanceAsync(request.Id, ct) is null) return NoInstance(request.Id);
        if (string.IsNullOrWhiteSpace(request.Reason))
            return RequestResult<InstanceView>.Invalid("reason", "Geef de reden waarom de instantie stopt; die komt in het journaal.");
        if (request.Reason.Length > 500) return RequestResult<InstanceView>.Invalid("reason", "De reden is langer dan 500 tekens.");
        return await AfterAsync(await runtime.CancelAsync(request.Id, Line(request.Id, request.User, "instance.cancel"), ct, request.Reason), request.Id, ct);
    }

    public async ValueTask<RequestResult<InstanceView>> Handle(RetryInstance request, CancellationToken ct) =>
        await AfterAsync(await runtime.RetryAsync(request.Id, Line(request.Id, request.User, "instance.retry"), ct), request.Id, ct);

    public async ValueTask<RequestResult<IReadOnlyList<IncidentView>>> Handle(ListIncidents request, CancellationToken ct)
    {
        // Each row carries its instance's flow and casus code, joined in the query: one read for the page.
        var incidents = await monitoring.FindOpenIncidentsAsync(Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        // The list names the casus of each incident (no content): one line per look, naming them.
        await audit.ListAsync(request.User, "incident.list", Auditor.PurposeManagement, incidents.Select(i => i.CorrelationId), incidents.Count, ct: ct);
        return RequestResult<IReadOnlyList<IncidentView>>.Ok([.. incidents.Select(i => new IncidentView(i.Id, i.InstanceId, i.DefinitionId, i.CorrelationId,
            i.ActivityId, i.ActivityType, i.ExceptionType, i.Message, i.CreatedAt))]);
    }

    /// <summary>The action's audit line for the engine to commit with the change, naming the casus of the instance it changed.</summary>
    private AuditLine Line(Guid id, CurrentUser user, string eventCode) =>
        audit.Line(user, eventCode, AuditAction.Update, Auditor.PurposeManagement, detail: id.ToString())
            .CompletedBy((record, changes) => record with { CasusCode = AuditLine.CasusOf(changes, id) });

    private async Task<RequestResult<InstanceView>> AfterAsync(ResumeResult result, Guid id, CancellationToken ct) => result.Outcome switch
    {
        ResumeOutcome.Resumed => RequestResult<InstanceView>.Ok((await ViewAsync(id, ct))!),
        ResumeOutcome.NotFound => NoInstance(id),
        _ => result.ToResult<InstanceView>(_ => null!),
    };

    private static RequestResult<InstanceView> NoInstance(Guid id) => RequestResult<InstanceView>.NotFound($"Instantie {id} bestaat niet.");

    private async Task<InstanceView?> ViewAsync(Guid id, CancellationToken ct)
    {
        var instance = await engine.FindInstanceAsync(id, ct);
        if (instance is null) return null;
        var journal = await engine.GetJournalAsync(id, ct);
        var waiting = await engine.GetBookmarksAsync(id, ct);
        var incidents = await engine.GetOpenIncidentsAsync(id, ct);
        return new InstanceView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status, instance.CorrelationId,
            instance.ParentInstanceId, instance.CreatedAt,
            [.. journal.Select(j => new JournalView(j.Sequence, j.ActivityId, j.ActivityType, j.Event.ToString(), j.Outcome, j.StartedAt, j.EndedAt, j.Message))],
            [.. waiting.Select(b => new WaitingView(b.Id, b.Kind.ToString(), b.ActivityId, b.DueAt, b.SignalName, b.TaskId, b.IsHeld))],
            [.. incidents.Select(i => Incident(i, instance))]);
    }

    private static IncidentView Incident(Workflows.Runtime.Incident incident, WorkflowInstance instance) => new(incident.Id, incident.InstanceId,
        instance.DefinitionId, instance.CorrelationId, incident.ActivityId, incident.ActivityType, incident.ExceptionType, incident.Message, incident.CreatedAt);
}
