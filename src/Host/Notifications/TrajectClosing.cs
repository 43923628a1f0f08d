using Mediator;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Host.Notifications;

/// <summary>
/// When a traject's flow ends, the domain records the closing and sets the retention date. Runs after the
/// engine committed; if it fails, the traject stays open in the domain and the next end-of-flow event or a
/// retry of this handler (it is idempotent) closes it.
/// </summary>
public sealed class TrajectClosing(RetentionService retention, IOptions<RvtFlowOptions> flows, ILogger<TrajectClosing> logger)
    : INotificationHandler<InstanceFinished>
{
    public async ValueTask Handle(InstanceFinished notification, CancellationToken ct)
    {
        if (notification.DefinitionId != flows.Value.TrajectFlow || notification.CorrelationId is not { } code) return;
        var result = await retention.RecordClosedAsync(code, ct);
        if (!result.Succeeded) logger.LogWarning("Traject {Casus} not closed in the domain: {Outcome} {Message}", code, result.Outcome, result.Message);
    }
}

/// <summary>
/// The daily Hangfire job that applies the retention rule, batch after batch. Each casus's deletion (the engine's
/// instances, the domain's content) commits with its audit line (the system acting on the retention rule) in one
/// transaction: no content is gone without its line, no line without the deletion.
/// </summary>
public sealed class RetentionJob(RetentionService retention, Auditing.Auditor audit, Workflows.Persistence.IWorkflowStore engine,
    ILogger<RetentionJob> logger)
{
    public const string Id = "processengine-retention";
    public const string SystemUser = "systeem:bewaartermijn";

    public async Task RunAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var purged = await retention.PurgeDueAsync(AlongsideAsync, ct);
            total += purged.Count;
            // A batch with room left means nothing more is due (trajecten still postponed stay for the next run).
            if (purged.Count < RetentionService.BatchSize) break;
        }
        if (total > 0) logger.LogInformation("Retention deleted the content of {Count} closed traject(en)", total);
    }

    /// <summary>What the host deletes and writes with a casus's purge: the e-mail prompts and planning notes of its tasks, then the system's audit line.</summary>
    private async Task<Workflows.Persistence.IUnitOfWorkPart?> AlongsideAsync(string casusCode, CancellationToken ct)
    {
        var tasks = await engine.GetTasksAsync(casusCode, ct);
        var instances = await engine.FindInstancesByCorrelationAsync(casusCode, ct);
        return Workflows.Persistence.UnitOfWorkParts.Of(new Prompts.PromptRowsPurge([.. tasks.Select(t => t.Id)], [.. instances.Select(i => i.Id)]),
            new Features.Inbox.TaskNotesPurge([.. tasks.Select(t => t.Id)]),
            audit.SystemLine(SystemUser, "casus.retention", HostStore.Audit.AuditAction.Delete, "bewaartermijn", casusCode,
                "inhoud verwijderd, tellingen behouden"));
    }
}
