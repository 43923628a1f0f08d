using Mediator;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Api.Operations;

/// <summary>The counts at the top of the managers' dashboard: no casus codes, so refreshing them is not an audit event.</summary>
public sealed record DashboardCounts(int TeLaat, int Vastgelopen, int Incidenten, int LopendeTrajecten, DateTimeOffset Gemeten);

/// <summary>Overdue tasks of one team at one step of one route: how many and how late the oldest is.</summary>
public sealed record OverdueSummaryLine(string? Team, string RouteId, string Route, string StepId, string Step, int Count, int MaxDaysLate);

/// <summary>What one retry did: resolved, or why not (the incident stays open when the step fails again).</summary>
public sealed record RetryLine(Guid InstanceId, bool Resolved, string Message);

public sealed record GetDashboardCounts : IRequest<Outcome<DashboardCounts>>;
/// <summary>Only the overdue count (the start page's line), without the dashboard's other counts.</summary>
public sealed record CountOverdueTasks : IRequest<Outcome<int>>;
public sealed record SummarizeOverdue : IRequest<Outcome<IReadOnlyList<OverdueSummaryLine>>>;
public sealed record RetryIncidents(IReadOnlyList<Guid> InstanceIds, CurrentUser User) : IRequest<Outcome<IReadOnlyList<RetryLine>>>;

public sealed class DashboardHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring, IWorkflowDefinitionStore definitions,
    WorkflowRuntime runtime, Auditor audit, TimeProvider clock, IOptions<ReportOptions> reports) :
    IRequestHandler<GetDashboardCounts, Outcome<DashboardCounts>>,
    IRequestHandler<CountOverdueTasks, Outcome<int>>,
    IRequestHandler<SummarizeOverdue, Outcome<IReadOnlyList<OverdueSummaryLine>>>,
    IRequestHandler<RetryIncidents, Outcome<IReadOnlyList<RetryLine>>>
{
    /// <summary>How many incidents one bulk retry may take on: each is a burst of its own.</summary>
    public const int MaxRetries = 100;

    public async ValueTask<Outcome<DashboardCounts>> Handle(GetDashboardCounts request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var overdue = await CountOverdueAsync(now, ct);
        var stuck = await monitoring.CountStuckTasksAsync(reports.Value.Rule(now), ct);
        var incidents = await monitoring.CountOpenIncidentsAsync(ct);
        var active = await monitoring.CountActiveInstancesAsync(ct);
        return Outcome<DashboardCounts>.Ok(new DashboardCounts(overdue, stuck, incidents, active.GetValueOrDefault(RvtRoutes.Traject), now));
    }

    public async ValueTask<Outcome<int>> Handle(CountOverdueTasks request, CancellationToken ct) =>
        Outcome<int>.Ok(await CountOverdueAsync(clock.GetUtcNow(), ct));

    private async Task<int> CountOverdueAsync(DateTimeOffset now, CancellationToken ct) =>
        (await monitoring.SummarizeOverdueTasksAsync(now, ct)).Sum(g => g.Count);

    public async ValueTask<Outcome<IReadOnlyList<OverdueSummaryLine>>> Handle(SummarizeOverdue request, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var names = (await definitions.ListLatestAsync(ct)).ToDictionary(d => d.DefinitionId, d => d.Name);
        var groups = await monitoring.SummarizeOverdueTasksAsync(now, ct);
        return Outcome<IReadOnlyList<OverdueSummaryLine>>.Ok([.. groups.Select(g => new OverdueSummaryLine(g.CandidateGroup, g.DefinitionId,
            names.GetValueOrDefault(g.DefinitionId, g.DefinitionId), g.ActivityId, g.Title, g.Count, (int)(now - g.OldestDueAt).TotalDays))]);
    }

    public async ValueTask<Outcome<IReadOnlyList<RetryLine>>> Handle(RetryIncidents request, CancellationToken ct)
    {
        var ids = request.InstanceIds.Distinct().ToList();
        if (ids.Count == 0) return Outcome<IReadOnlyList<RetryLine>>.Invalid("instanties", "Kies minstens één incident.");
        if (ids.Count > MaxRetries) return Outcome<IReadOnlyList<RetryLine>>.Invalid("instanties", $"Kies hoogstens {MaxRetries} incidenten tegelijk.");
        var lines = new List<RetryLine>();
        foreach (var id in ids)
        {
            var result = await runtime.RetryAsync(id, ct);
            var instance = await engine.FindInstanceAsync(id, ct);
            var resolved = result.Outcome == ResumeOutcome.Resumed && instance is { Status: not WorkflowStatus.Faulted };
            var failure = resolved || instance is null ? null : (await engine.GetOpenIncidentsAsync(id, ct)).FirstOrDefault()?.Message;
            lines.Add(new RetryLine(id, resolved, Explain(result, resolved, failure)));
            if (result.Outcome == ResumeOutcome.Resumed)
                await audit.RecordAsync(request.User, "instance.retry", AuditAction.Update, resolved ? AuditOutcome.Success : AuditOutcome.Failed,
                    Auditor.PurposeManagement, instance?.CorrelationId, detail: id.ToString(), ct: ct);
        }
        return Outcome<IReadOnlyList<RetryLine>>.Ok(lines);
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
