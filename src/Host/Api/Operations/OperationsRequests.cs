using System.Globalization;
using System.Text;
using Mediator;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Api.Operations;

public sealed record JournalView(int Sequence, string ActivityId, string ActivityType, string Event, string? Outcome, DateTimeOffset StartedAt,
    DateTimeOffset EndedAt, string? Message);
public sealed record WaitingView(Guid Id, string Kind, string ActivityId, DateTimeOffset? DueAt, string? Signal, Guid? TaskId, bool Held);
public sealed record IncidentView(Guid Id, Guid InstanceId, string? DefinitionId, string? CasusCode, string ActivityId, string ActivityType,
    string ExceptionType, string Message, DateTimeOffset CreatedAt);

/// <summary>An instance as operators see it: structure and progress, never its variables (those hold casus content).</summary>
public sealed record InstanceView(Guid Id, string DefinitionId, int Version, string Status, string? CasusCode, Guid? ParentInstanceId,
    DateTimeOffset CreatedAt, IReadOnlyList<JournalView> Journal, IReadOnlyList<WaitingView> Waiting, IReadOnlyList<IncidentView> Incidents);

/// <summary>A pseudonymous line for managers: which casus (by code) waits on which step, and for how long.</summary>
/// <param name="DaysWaiting">Days over the due date (overdue list) or since the step began (stuck list).</param>
/// <param name="NormDays">The step's norm in days (stuck list; null in the overdue list).</param>
public sealed record WaitingTaskLine(string? CasusCode, string Step, string? Group, string? Assignee, DateTimeOffset? DueAt, int DaysWaiting,
    string Route, string StepId, int? NormDays = null);

public sealed record GetInstance(Guid Id, CurrentUser User) : IRequest<Outcome<InstanceView>>;
public sealed record CancelInstance(Guid Id, CurrentUser User) : IRequest<Outcome<InstanceView>>;
public sealed record RetryInstance(Guid Id, CurrentUser User) : IRequest<Outcome<InstanceView>>;
public sealed record ListIncidents(int Skip, int Take) : IRequest<Outcome<IReadOnlyList<IncidentView>>>;
public sealed record ListOverdueTasks(int Skip, int Take, CurrentUser User, TaskFilter? Filter = null) : IRequest<Outcome<IReadOnlyList<WaitingTaskLine>>>;
public sealed record ListStuckTasks(int? Days, int Skip, int Take, CurrentUser User) : IRequest<Outcome<IReadOnlyList<WaitingTaskLine>>>;
public sealed record GetHalfjaarcijfers(int Jaar, CurrentUser User) : IRequest<Outcome<HalfjaarcijfersView>>;
public sealed record SearchAudit(AuditQuery Query, CurrentUser User) : IRequest<Outcome<IReadOnlyList<AuditEntry>>>;

public sealed class OperationsHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring, WorkflowRuntime runtime, HalfjaarcijfersService cijfers,
    AuditLog log, Auditor audit, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ReportOptions> reports) :
    IRequestHandler<GetInstance, Outcome<InstanceView>>,
    IRequestHandler<CancelInstance, Outcome<InstanceView>>,
    IRequestHandler<RetryInstance, Outcome<InstanceView>>,
    IRequestHandler<ListIncidents, Outcome<IReadOnlyList<IncidentView>>>,
    IRequestHandler<ListOverdueTasks, Outcome<IReadOnlyList<WaitingTaskLine>>>,
    IRequestHandler<ListStuckTasks, Outcome<IReadOnlyList<WaitingTaskLine>>>,
    IRequestHandler<GetHalfjaarcijfers, Outcome<HalfjaarcijfersView>>,
    IRequestHandler<SearchAudit, Outcome<IReadOnlyList<AuditEntry>>>
{
    private const int MaxPage = 500;

    public async ValueTask<Outcome<InstanceView>> Handle(GetInstance request, CancellationToken ct)
    {
        var view = await ViewAsync(request.Id, ct);
        if (view is not null)
            await audit.RecordAsync(request.User, "instance.read", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeManagement, view.CasusCode,
                detail: view.Id.ToString(), ct: ct);
        return view is null ? Outcome<InstanceView>.NotFound($"Instantie {request.Id} bestaat niet.") : Outcome<InstanceView>.Ok(view);
    }

    public async ValueTask<Outcome<InstanceView>> Handle(CancelInstance request, CancellationToken ct) =>
        await AfterAsync(await runtime.CancelAsync(request.Id, ct), request.Id, request.User, "instance.cancel", ct);

    public async ValueTask<Outcome<InstanceView>> Handle(RetryInstance request, CancellationToken ct) =>
        await AfterAsync(await runtime.RetryAsync(request.Id, ct), request.Id, request.User, "instance.retry", ct);

    public async ValueTask<Outcome<IReadOnlyList<IncidentView>>> Handle(ListIncidents request, CancellationToken ct)
    {
        // Each row carries its instance's flow and casus code, joined in the query: one read for the page.
        var incidents = await monitoring.FindOpenIncidentsAsync(Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        return Outcome<IReadOnlyList<IncidentView>>.Ok([.. incidents.Select(i => new IncidentView(i.Id, i.InstanceId, i.DefinitionId, i.CorrelationId,
            i.ActivityId, i.ActivityType, i.ExceptionType, i.Message, i.CreatedAt))]);
    }

    public async ValueTask<Outcome<IReadOnlyList<WaitingTaskLine>>> Handle(ListOverdueTasks request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tasks = await monitoring.FindOverdueTasksAsync(now, request.Filter ?? TaskFilter.All, Math.Max(0, request.Skip),
            Math.Clamp(request.Take, 1, MaxPage), ct);
        await AuditListAsync(request.User, "rapportage.te-laat", tasks.Count, ct);
        return Outcome<IReadOnlyList<WaitingTaskLine>>.Ok([.. tasks.Select(t =>
            new WaitingTaskLine(t.CorrelationId, t.Title, t.CandidateGroup, t.Assignee, t.DueAt, (int)(now - t.DueAt!.Value).TotalDays, t.DefinitionId, t.ActivityId))]);
    }

    /// <summary>
    /// Steps waiting longer than their norm (Reports:StepNorms, else Reports:StuckAfterDays; <c>dagen</c>
    /// asks with one norm for every step instead): where a traject has stalled.
    /// </summary>
    public async ValueTask<Outcome<IReadOnlyList<WaitingTaskLine>>> Handle(ListStuckTasks request, CancellationToken ct)
    {
        if (request.Days is < 1 or > 3650) return Outcome<IReadOnlyList<WaitingTaskLine>>.Invalid("dagen", "Kies een norm van 1 tot 3650 dagen.");
        var now = clock.GetUtcNow();
        var norms = reports.Value;
        var tasks = await monitoring.FindStuckTasksAsync(norms.Rule(now, request.Days), Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        await AuditListAsync(request.User, "rapportage.vastgelopen", tasks.Count, ct);
        return Outcome<IReadOnlyList<WaitingTaskLine>>.Ok([.. tasks.Select(t =>
            new WaitingTaskLine(t.CorrelationId, t.Title, t.CandidateGroup, t.Assignee, t.DueAt, (int)(now - t.CreatedAt).TotalDays, t.DefinitionId,
                t.ActivityId, norms.NormFor(t.DefinitionId, t.ActivityId, request.Days)))]);
    }

    public async ValueTask<Outcome<HalfjaarcijfersView>> Handle(GetHalfjaarcijfers request, CancellationToken ct)
    {
        if (request.Jaar is < 2000 or > 2100) return Outcome<HalfjaarcijfersView>.Invalid("jaar", "Kies een jaar tussen 2000 en 2100.");
        var figures = await cijfers.ForYearAsync(request.Jaar, ct);
        await audit.RecordAsync(request.User, "rapportage.halfjaarcijfers", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeAccountability,
            detail: request.Jaar.ToString(CultureInfo.InvariantCulture), ct: ct);
        return Outcome<HalfjaarcijfersView>.Ok(HalfjaarcijfersView.From(figures));
    }

    public async ValueTask<Outcome<IReadOnlyList<AuditEntry>>> Handle(SearchAudit request, CancellationToken ct)
    {
        var lines = await log.SearchAsync(request.Query, ct);
        // Looking into the audit log is itself something to account for.
        await audit.RecordAsync(request.User, "audit.search", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeManagement,
            request.Query.CasusCode, detail: request.Query.UserId is { } u ? $"gebruiker {u}" : null, ct: ct);
        return Outcome<IReadOnlyList<AuditEntry>>.Ok(lines);
    }

    /// <summary>The figures as CSV in the report's shape, the same cells as the page: onderdeel; eerste halfjaar; tweede halfjaar; totaal.</summary>
    public static string Csv(HalfjaarcijfersView figures)
    {
        var csv = new StringBuilder();
        csv.Append("onderdeel;eerste halfjaar ").Append(figures.Jaar).Append(";tweede halfjaar ").Append(figures.Jaar).Append(";totaal\r\n");
        foreach (var row in figures.Rijen)
            csv.Append(Quote(row.Onderdeel)).Append(';').Append(row.EersteHalfjaar).Append(';').Append(row.TweedeHalfjaar).Append(';').Append(row.Totaal).Append("\r\n");
        return csv.ToString();

        static string Quote(string text) => text.Contains(';') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>Pseudonymous lists name casus codes, so looking at one is accounted for (one line per list, not per casus).</summary>
    private Task AuditListAsync(CurrentUser user, string eventCode, int lines, CancellationToken ct) =>
        audit.RecordAsync(user, eventCode, AuditAction.Read, AuditOutcome.Success, Auditor.PurposeAccountability,
            detail: $"{lines} regel(s)", ct: ct);

    private async Task<Outcome<InstanceView>> AfterAsync(ResumeResult result, Guid id, CurrentUser user, string eventCode, CancellationToken ct)
    {
        if (result.Outcome != ResumeOutcome.Resumed) return result.ToOutcome<InstanceView>(_ => null!);
        var view = (await ViewAsync(id, ct))!;
        await audit.RecordAsync(user, eventCode, AuditAction.Update, AuditOutcome.Success, Auditor.PurposeManagement, view.CasusCode,
            detail: id.ToString(), ct: ct);
        return Outcome<InstanceView>.Ok(view);
    }

    private async Task<InstanceView?> ViewAsync(Guid id, CancellationToken ct)
    {
        var instance = await engine.FindInstanceAsync(id, ct);
        if (instance is null) return null;
        var journal = await engine.GetJournalAsync(id, ct);
        var waiting = await engine.GetBookmarksAsync(id, ct);
        var incidents = await engine.GetOpenIncidentsAsync(id, ct);
        return new InstanceView(instance.Id, instance.DefinitionId, instance.DefinitionVersion, instance.Status.ToString(), instance.CorrelationId,
            instance.ParentInstanceId, instance.CreatedAt,
            [.. journal.Select(j => new JournalView(j.Sequence, j.ActivityId, j.ActivityType, j.Event.ToString(), j.Outcome, j.StartedAt, j.EndedAt, j.Message))],
            [.. waiting.Select(b => new WaitingView(b.Id, b.Kind.ToString(), b.ActivityId, b.DueAt, b.SignalName, b.TaskId, b.IsHeld))],
            [.. incidents.Select(i => Incident(i, instance))]);
    }

    private static IncidentView Incident(Workflows.Runtime.Incident incident, WorkflowInstance instance) => new(incident.Id, incident.InstanceId,
        instance.DefinitionId, instance.CorrelationId, incident.ActivityId, incident.ActivityType, incident.ExceptionType, incident.Message, incident.CreatedAt);
}
