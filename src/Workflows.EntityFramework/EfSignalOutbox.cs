using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>The signals flows sent and that are not delivered yet, in the engine's database (table SentSignals).</summary>
public sealed class EfSignalOutbox(IDbContextFactory<WorkflowDbContext> contexts) : ISignalOutbox
{
    public async Task<IReadOnlyList<SentSignal>> FindUndeliveredAsync(DateTimeOffset sentAtOrBefore, int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.SentSignals.AsNoTracking().Where(x => x.SentAt <= sentAtOrBefore).OrderBy(x => x.SentAt).ThenBy(x => x.Id).Take(max)
            .ToListAsync(ct);
    }

    public async Task MarkDeliveredAsync(Guid signalId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await db.SentSignals.Where(x => x.Id == signalId).ExecuteDeleteAsync(ct);
    }
}
