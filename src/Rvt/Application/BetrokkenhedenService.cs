using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// The registered involvements of a casus (<see cref="Betrokkenheid"/>): read for every access decision, written alongside the
/// act that gives them. Deciding who has the standing to give one is the caller's: the domain records, it does not judge roles.
/// </summary>
public sealed class BetrokkenhedenService(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<Betrokkenheid>> OfAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Betrokkenheden.AsNoTracking().Where(b => b.CasusCode == casusCode).ToListAsync(ct);
    }

    /// <summary>
    /// The rows to write with an act on <paramref name="casusCode"/> by <paramref name="door"/>; <paramref name="meldingen"/> sees what
    /// the engine commits with the act (a maatregel flow it started). Nothing is written for a correlation id that is no casus, nor
    /// twice for one involvement.
    /// </summary>
    public IUnitOfWorkPart Alongside(string casusCode, string door, Func<WorkflowChanges?, IEnumerable<BetrokkenheidMelding>> meldingen) =>
        new BetrokkenheidRows(casusCode, door, clock, meldingen);

    public IUnitOfWorkPart Alongside(string casusCode, string door, params BetrokkenheidMelding[] meldingen) =>
        Alongside(casusCode, door, _ => meldingen);

    /// <summary>Who registered the involvements taken over from flow data at the upgrade that gave them rows of their own.</summary>
    public const string TakenOverBy = "overname uit flowgegevens";

    /// <summary>
    /// Once, after the migration that made the rows: every casus keeps the involvements its flows gave before, as
    /// <paramref name="legacy"/> reads them, so nobody loses a running casus by the upgrade. Done in one transaction with removing
    /// the migration's <see cref="UpgradeStep"/>; without it, nothing happens (it never runs twice).
    /// </summary>
    /// <returns>How many rows were written; null when there was nothing left to do.</returns>
    public async Task<int?> TakeOverAsync(Func<string, CancellationToken, Task<IReadOnlyList<BetrokkenheidMelding>>> legacy, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var step = await db.UpgradeSteps.FirstOrDefaultAsync(s => s.Name == UpgradeStep.BetrokkenhedenUitFlows, ct);
        if (step is null) return null;
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var code in await db.Casussen.AsNoTracking().Select(c => c.Code).ToListAsync(ct))
        {
            var present = await db.Betrokkenheden.Where(b => b.CasusCode == code).ToListAsync(ct);
            foreach (var melding in await legacy(code, ct))
            {
                if (melding.Soort != BetrokkenheidSoort.Tafel && string.IsNullOrEmpty(melding.Wie)) continue;
                if (present.Any(p => p.Says(melding))) continue;
                var row = Betrokkenheid.Create(code, melding, TakenOverBy, now);
                present.Add(row);
                db.Betrokkenheden.Add(row);
                written++;
            }
        }
        db.UpgradeSteps.Remove(step);
        await db.SaveChangesAsync(ct);
        return written;
    }
}
