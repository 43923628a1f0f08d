using Mediator;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>The counts at the top of the managers' dashboard: no casus codes, so refreshing them is not an audit event.</summary>
/// <param name="Slowed">Open steps consciously slowed (bewust vertraagd): counted apart, and in neither <paramref name="Overdue"/> nor <paramref name="Stuck"/>.</param>
public sealed record DashboardCounts(int Overdue, int Stuck, int Incidents, int RunningTrajecten, DateTimeOffset MeasuredAt, int Slowed = 0);

/// <summary>Overdue tasks of one team at one step of one route: how many and how late the oldest is.</summary>
public sealed record OverdueSummaryLine(string? Team, string RouteId, string Route, string StepId, string Step, int Count, int MaxDaysLate);

/// <summary>What one retry did: resolved, or why not (the incident stays open when the step fails again).</summary>
public sealed record RetryLine(Guid InstanceId, bool Resolved, string Message);

public sealed record GetDashboardCounts : IRequest<RequestResult<DashboardCounts>>;
/// <summary>Only the overdue count (the start page's line), without the dashboard's other counts.</summary>
public sealed record CountOverdueTasks : IRequest<RequestResult<int>>;
public sealed record SummarizeOverdue : IRequest<RequestResult<IReadOnlyList<OverdueSummaryLine>>>;
public sealed record RetryIncidents(IReadOnlyList<Guid> InstanceIds, CurrentUser User) : IRequest<RequestResult<IReadOnlyList<RetryLine>>>;

public sealed class DashboardHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring, IWorkflowDefinitionStore definitions,
    WorkflowRuntime runtime, Auditor audit, TimeProvider clock, IOptions<ReportOptions> reports) :
    IRequestHandler<GetDashboardCounts, RequestResult<DashboardCounts>>,
    IRequestHandler<CountOverdueTasks, RequestResult<int>>,
    IRequestHandler<SummarizeOverdue, RequestResult<IReadOnlyList<OverdueSummaryLine>>>,
    IRequestHandler<RetryIncidents, RequestResult<IReadOnlyList<RetryLine>>>
{
    /// <summary>How many incidents one bulk retry may take on: each is a pass of its own.</summary>
    public const int MaxRetries = 100;

    public async ValueTask<RequestResult<DashboardCounts>> Handle(GetDashboardCounts request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await CountOverdueAsync(now, ct);
        var stuck = await monitoring.CountStuckTasksAsync(reports.Value.Rule(now), ct);
        var incidents = await monitoring.CountOpenIncidentsAsync(ct);
        var active = await monitoring.CountActiveInstancesAsync(ct);
        var slowed = await monitoring.CountSlowedTasksAsync(now, ct);
        return RequestResult<DashboardCounts>.Ok(new DashboardCounts(overdue, stuck, incidents, active.GetValueOrDefault(RvtRoutes.Traject), now, slowed));
    }

    public async ValueTask<RequestResult<int>> Handle(CountOverdueTasks request, CancellationToken ct) =>
        RequestResult<int>.Ok(await CountOverdueAsync(clock.GetUtcNow(), ct));

    private async Task<int> CountOverdueAsync(DateTimeOffset now, CancellationToken ct) =>
        (await monitoring.SummarizeOverdueTasksAsync(now, ct)).Sum(g => g.Count);

    public async ValueTask<RequestResult<IReadOnlyList<OverdueSummaryLine>>> Handle(SummarizeOverdue request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = (await definitions.ListLatestAsync(ct)).ToDictionary(d => d.DefinitionId, d => d.Name);
        var groups = await monitoring.SummarizeOverdueTasksAsync(now, ct);
        return RequestResult<IReadOnlyList<OverdueSummaryLine>>.Ok([.. groups.Select(g => new OverdueSummaryLine(g.CandidateGroup, g.DefinitionId,
            names.GetValueOrDefault(g.DefinitionId, g.DefinitionId), g.ActivityId, g.Title, g.Count, (int)(now - g.OldestDueAt).TotalDays))]);
    }

    public async ValueTask<RequestResult<IReadOnlyList<RetryLine>>> Handle(RetryIncidents request, CancellationToken ct)
    {
        var ids = request.InstanceIds.Distinct().ToList();
        if (ids.Count == 0) return RequestResult<IReadOnlyList<RetryLine>>.Invalid("instanties", "Kies minstens één incident.");
        if (ids.Count > MaxRetries) return RequestResult<IReadOnlyList<RetryLine>>.Invalid("instanties", $"Kies hoogstens {MaxRetries} incidenten tegelijk.");
        var lines = new List<RetryLine>();
        foreach (var id in ids)
        {
            // The line commits with the retry; a retry whose step faulted again (a new incident) is a failed one.
            var line = audit.Line(request.User, "instance.retry", AuditAction.Update, Auditor.PurposeManagement, detail: id.ToString())
                .CompletedBy((record, changes) => record with
                {
                    CasusCode = AuditLine.CasusOf(changes, id),
                    Outcome = changes.IncidentsAdded.Count > 0 ? AuditOutcome.Failed : AuditOutcome.Success,
                });
            var result = await runtime.RetryAsync(id, line, ct);
            var instance = await engine.FindInstanceAsync(id, ct);
            var resolved = result.Outcome == ResumeOutcome.Resumed && instance is { Status: not WorkflowStatus.Faulted };
            var failure = resolved || instance is null ? null : (await engine.GetOpenIncidentsAsync(id, ct)).FirstOrDefault()?.Message;
            lines.Add(new RetryLine(id, resolved, Explain(result, resolved, failure)));
        }
        return RequestResult<IReadOnlyList<RetryLine>>.Ok(lines);
    }

    private static string Explain(ResumeResult result, bool resolved, string? failure) => result.Outcome switch
    {
        ResumeOutcome.Resumed when resolved => "Opgelost: de instantie loopt weer.",
        ResumeOutcome.Resumed => "Opnieuw mislukt: " + (failure ?? "de stap faalde weer."),
        ResumeOutcome.NotFound => "Deze instantie bestaat niet (meer).",
        _ => result.Message ?? "Deze instantie heeft geen open incident.",
    };
}

/// <summary>The shipped flows the reports name.</summary>
public static class RvtRoutes
{
    public const string Traject = "rvt-traject";
    public const string Aanmelding = "rvt-aanmelding";
}
