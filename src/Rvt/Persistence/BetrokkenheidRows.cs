using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// Involvement rows written inside the transaction of the act that gives them, so that an involvement exists exactly when its
/// act (and that act's audit line) does.
/// </summary>
internal sealed class BetrokkenheidRows(string casusCode, string door, TimeProvider clock,
    Func<WorkflowChanges?, IEnumerable<BetrokkenheidMelding>> meldingen) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        var wanted = meldingen(engineChanges).Where(m => m.Soort == BetrokkenheidSoort.Tafel || !string.IsNullOrEmpty(m.Wie)).ToList();
        if (wanted.Count == 0) return;
        await using var db = await JoinedContext.JoinAsync<CasusDbContext>(transaction, options => new(options), ct);
        if (!await db.Casussen.AnyAsync(c => c.Code == casusCode, ct)) return;
        var present = await db.Betrokkenheden.Where(b => b.CasusCode == casusCode).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var melding in wanted.Where(m => !present.Any(p => p.Says(m))))
        {
            var row = Betrokkenheid.Create(casusCode, melding, door, now);
            present.Add(row);
            db.Betrokkenheden.Add(row);
        }
        await db.SaveChangesAsync(ct);
    }
}
