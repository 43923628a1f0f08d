using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>A pseudonymous line for managers: which casus (by code) waits on which step, and for how long.</summary>
/// <param name="DaysWaiting">Days over the due date (overdue list) or since the step began (stuck list).</param>
/// <param name="NormDays">The step's norm in days (stuck list; null in the overdue list).</param>
public sealed record WaitingTaskLine(string? CasusCode, string Step, string? Group, string? Assignee, DateTimeOffset? DueAt, int DaysWaiting,
    string Route, string StepId, int? NormDays = null);

public sealed record ListOverdueTasks(int Skip, int Take, CurrentUser User, TaskFilter? Filter = null) : IRequest<RequestResult<IReadOnlyList<WaitingTaskLine>>>;
public sealed record ListStuckTasks(int? Days, int Skip, int Take, CurrentUser User) : IRequest<RequestResult<IReadOnlyList<WaitingTaskLine>>>;

/// <summary>The managers' pseudonymous lists: tasks over their due date, and steps waiting longer than their norm.</summary>
public sealed class WaitingTaskHandlers(IWorkflowMonitoring monitoring, Auditor audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ReportOptions> reports) :
    IRequestHandler<ListOverdueTasks, RequestResult<IReadOnlyList<WaitingTaskLine>>>,
    IRequestHandler<ListStuckTasks, RequestResult<IReadOnlyList<WaitingTaskLine>>>
{
    private const int MaxPage = 500;

    public async ValueTask<RequestResult<IReadOnlyList<WaitingTaskLine>>> Handle(ListOverdueTasks request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var tasks = await monitoring.FindOverdueTasksAsync(now, request.Filter ?? TaskFilter.All, Math.Max(0, request.Skip),
            Math.Clamp(request.Take, 1, MaxPage), ct);
        await AuditListAsync(request.User, "rapportage.te-laat", tasks.Select(t => t.CorrelationId), tasks.Count, ct);
        return RequestResult<IReadOnlyList<WaitingTaskLine>>.Ok([.. tasks.Select(t =>
            new WaitingTaskLine(t.CorrelationId, t.Title, t.CandidateGroup, t.Assignee, t.DueAt, (int)(now - t.DueAt!.Value).TotalDays, t.DefinitionId, t.ActivityId))]);
    }

    /// <summary>
    /// Steps waiting longer than their norm (Reports:StepNorms, else Reports:StuckAfterDays; <c>dagen</c>
    /// asks with one norm for every step instead): where a traject has stalled.
    /// </summary>
    public async ValueTask<RequestResult<IReadOnlyList<WaitingTaskLine>>> Handle(ListStuckTasks request, CancellationToken ct)
    {
        if (request.Days is < 1 or > 3650) return RequestResult<IReadOnlyList<WaitingTaskLine>>.Invalid("dagen", "Kies een norm van 1 tot 3650 dagen.");
        var now = clock.GetUtcNow();
        var norms = reports.Value;
        var tasks = await monitoring.FindStuckTasksAsync(norms.Rule(now, request.Days), Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        await AuditListAsync(request.User, "rapportage.vastgelopen", tasks.Select(t => t.CorrelationId), tasks.Count, ct);
        return RequestResult<IReadOnlyList<WaitingTaskLine>>.Ok([.. tasks.Select(t =>
            new WaitingTaskLine(t.CorrelationId, t.Title, t.CandidateGroup, t.Assignee, t.DueAt, (int)(now - t.CreatedAt).TotalDays, t.DefinitionId,
                t.ActivityId, norms.NormFor(t.DefinitionId, t.ActivityId, request.Days)))]);
    }

    /// <summary>Pseudonymous lists name casus codes, so looking at one is accounted for (one line per list, not per casus).</summary>
    private Task AuditListAsync(CurrentUser user, string eventCode, IEnumerable<string?> codes, int lines, CancellationToken ct) =>
        audit.ListAsync(user, eventCode, Auditor.PurposeAccountability, codes, lines, always: true, ct: ct);
}
