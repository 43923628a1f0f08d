using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// The domain's half of a casus's retention, written on the engine's purge transaction: the casus text, every
/// Veiligheidskaart version, the network and the table's questions go, the traject is marked purged. Together with the engine's instances
/// and the audit line, or not at all; a casus left half-purged would be found again by the next run anyway, but
/// its line would then be missing or doubled.
/// </summary>
public sealed class CasusContentPurge(Guid casusId, Guid trajectId, DateTimeOffset now) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await using var db = await JoinedContext.JoinAsync<CasusDbContext>(transaction, options => new(options), ct);
        var casus = await db.Casussen.FirstAsync(c => c.Id == casusId, ct);
        casus.DeleteContent(now);
        (await db.Trajecten.FirstAsync(t => t.Id == trajectId, ct)).MarkPurged(now);
        await db.Veiligheidskaarten.Where(v => v.CasusId == casusId).ExecuteDeleteAsync(ct);
        await db.Netwerk.Where(n => n.CasusId == casusId).ExecuteDeleteAsync(ct);
        await db.TafelVragen.Where(v => v.CasusId == casusId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
    }
}
