using Microsoft.Extensions.Logging;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Retention: deletes everything the engine holds for a correlation (a casus), keeping only the anonymous facts.
/// Refused while any of its instances is still running, so nothing in progress is lost. Not a pass of the runtime:
/// it runs no flow, it removes ended ones.
/// </summary>
public sealed class CorrelationPurge(IWorkflowStore store, ILogger<CorrelationPurge> logger)
{
    /// <param name="alongside">What the caller deletes and writes in the same transaction (the domain's content, the audit line).</param>
    public async Task<ResumeResult> PurgeAsync(string correlationId, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var instances = await store.FindInstancesByCorrelationAsync(correlationId, ct);
        if (instances.Any(i => i.IsActive))
            return ResumeResult.Rejected($"Correlation {correlationId} still has running instances; end them before purging.");
        await store.PurgeAsync([.. instances.Select(i => i.Id)], alongside, ct);
        logger.LogInformation("Purged {Count} instance(s) of a correlation for retention", instances.Count);
        return new ResumeResult(ResumeOutcome.Resumed, Message: $"{instances.Count} instance(s) purged");
    }
}
