using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// The registered involvements of a casus (<see cref="Involvement"/>): read for every access decision, written alongside the
/// act that gives them. Deciding who has the standing to give one is the caller's: the domain records, it does not judge roles.
/// </summary>
public sealed class InvolvementRecords(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<Involvement>> OfAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Involvements.AsNoTracking().Where(i => i.CasusCode == casusCode).ToListAsync(ct);
    }

    /// <summary>
    /// The rows to write with an act on <paramref name="casusCode"/> by <paramref name="registeredBy"/>; <paramref name="grants"/> sees what
    /// the engine commits with the act (a maatregel flow it started). Nothing is written for a correlation id that is no casus, nor
    /// twice for one involvement.
    /// </summary>
    public IUnitOfWorkPart Alongside(string casusCode, string registeredBy, Func<WorkflowChanges?, IEnumerable<GrantedInvolvement>> grants) =>
        new InvolvementRows(casusCode, registeredBy, clock, grants);

    public IUnitOfWorkPart Alongside(string casusCode, string registeredBy, params GrantedInvolvement[] grants) =>
        Alongside(casusCode, registeredBy, _ => grants);

    /// <summary>Who registered the involvements taken over from flow data at the upgrade that gave them rows of their own.</summary>
    public const string TakenOverBy = "overname uit flowgegevens";

    /// <summary>
    /// Once, after the migration that made the rows: every casus keeps the involvements its flows gave before, as
    /// <paramref name="legacy"/> reads them, so nobody loses a running casus by the upgrade. Done in one transaction with removing
    /// the migration's <see cref="UpgradeStep"/>; without it, nothing happens (it never runs twice).
    /// </summary>
    /// <returns>How many rows were written; null when there was nothing left to do.</returns>
    public async Task<int?> TakeOverAsync(Func<string, CancellationToken, Task<IReadOnlyList<GrantedInvolvement>>> legacy, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var step = await db.UpgradeSteps.FirstOrDefaultAsync(s => s.Name == UpgradeStep.InvolvementFromFlowData, ct);
        if (step is null) return null;
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var code in await db.Casussen.AsNoTracking().Select(c => c.Code).ToListAsync(ct))
            written += await InvolvementRows.AddMissingAsync(db, code, await legacy(code, ct), TakenOverBy, now, ct);
        db.UpgradeSteps.Remove(step);
        await db.SaveChangesAsync(ct);
        return written;
    }
}
