using Mediator;
using Microsoft.Extensions.Options;
using ProcessEngine.Activities.Application;
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

/// <summary>The daily Hangfire job that applies the retention rule.</summary>
public sealed class RetentionJob(RetentionService retention, ILogger<RetentionJob> logger)
{
    public const string Id = "processengine-retention";

    public async Task RunAsync(CancellationToken ct)
    {
        var purged = await retention.PurgeDueAsync(ct);
        if (purged > 0) logger.LogInformation("Retention deleted the content of {Count} closed traject(en)", purged);
    }
}
