using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// Closing and forgetting. When a traject's flow ends, its closing reason and heaviest route are
/// recorded and the retention date is set; when that date passes, everything that describes the family
/// is deleted — casus text, every Veiligheidskaart version, the network's roles, and the engine's instances (with the
/// maatregel flows and their reasons), tasks, form results and journal of the casus — while the facts behind the figures stay.
/// </summary>
public sealed class RetentionService(IDbContextFactory<CasusDbContext> contexts, IWorkflowStore engine, CorrelationPurge purge,
    TimeProvider clock, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    public async Task<DomainResult<Traject>> RecordClosedAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var traject = await db.Trajecten.FirstOrDefaultAsync(t => t.CasusCode == casusCode, ct);
        if (traject is null) return DomainResult<Traject>.NotFound($"Traject {casusCode} bestaat niet.");
        if (traject.Status == TrajectStatus.Closed) return DomainResult<Traject>.Ok(traject);
        var instance = traject.WorkflowInstanceId is { } id ? await engine.FindInstanceAsync(id, ct) : null;
        if (instance is null || instance.IsActive) return DomainResult<Traject>.Conflict("Het traject loopt nog.");
        var heaviest = instance.Variables.GetValueOrDefault("zwaarsteRoute") as string ?? traject.Route ?? "maatregel";
        var reason = (instance.Variables.GetValueOrDefault("afsluiting") as Dictionary<string, object?>)?.GetValueOrDefault("outcome") as string;
        var now = clock.GetUtcNow();
        traject.Close(reason, heaviest, now, options.Value.PeriodFor(heaviest).AddTo(now));
        await db.SaveChangesAsync(ct);
        return DomainResult<Traject>.Ok(traject);
    }

    public const int BatchSize = 200;

    /// <summary>
    /// Deletes the content of closed trajecten whose retention date has passed (one batch); returns their casus codes.
    /// Per casus one transaction: the engine's instances, the domain's content and what <paramref name="alongside"/>
    /// gives for the casus code (the host's prompts of it and its audit line) commit together or not at all.
    /// </summary>
    public async Task<IReadOnlyList<string>> PurgeDueAsync(Func<string, CancellationToken, Task<IUnitOfWorkPart?>>? alongside = null,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        List<Traject> due;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            due = await db.Trajecten.AsNoTracking().Where(t => t.RetainUntil <= now && t.PurgedAt == null).Take(BatchSize).ToListAsync(ct);
        var purged = new List<string>();
        foreach (var traject in due)
        {
            var content = new CasusContentPurge(traject.CasusId, traject.Id, now);
            var caller = alongside is null ? null : await alongside(traject.CasusCode, ct);
            var engineResult = await purge.PurgeAsync(traject.CasusCode, UnitOfWorkParts.Of(content, caller), ct);
            if (engineResult.Outcome == ResumeOutcome.Rejected)
            {
                logger.LogWarning("Retention of {Casus} postponed: {Reason}", traject.CasusCode, engineResult.Message);
                continue;
            }
            purged.Add(traject.CasusCode);
        }
        return purged;
    }
}
