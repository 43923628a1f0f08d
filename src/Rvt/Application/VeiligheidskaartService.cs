using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Application;

/// <summary>The Veiligheidskaart of a casus: every save is a new version; the history is never rewritten.</summary>
public sealed class VeiligheidskaartService(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    /// <summary>
    /// Saves <paramref name="inhoud"/> as the next version. <paramref name="basedOnVersion"/> is the version
    /// the author was looking at (0 for the first); if someone saved in between, nothing is stored and the
    /// author hears which version is current, so no one's changes are silently replaced.
    /// </summary>
    /// <param name="alongside">What the caller commits with the new version (its audit line).</param>
    public async Task<DomainResult<VeiligheidskaartVersie>> SaveAsync(string casusCode, VeiligheidskaartInhoud inhoud, string auteur,
        int basedOnVersion, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var errors = inhoud.Validate();
        if (errors.Count > 0) return DomainResult<VeiligheidskaartVersie>.Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<VeiligheidskaartVersie>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<VeiligheidskaartVersie>.Conflict(refusal);
        var current = await db.Veiligheidskaarten.Where(v => v.CasusId == casus.Id).MaxAsync(v => (int?)v.Nummer, ct) ?? 0;
        if (current != basedOnVersion) return Stale(current);
        var versie = VeiligheidskaartVersie.Create(casus.Id, current + 1, auteur, inhoud, clock.GetUtcNow());
        db.Veiligheidskaarten.Add(versie);
        try
        {
            await db.SaveWithAsync(alongside, ct);
        }
        catch (DbUpdateException)
        {
            // The unique (casus, nummer) index: someone saved the same next version a moment earlier.
            return Stale(current + 1);
        }
        return DomainResult<VeiligheidskaartVersie>.Ok(versie);
    }

    public async Task<IReadOnlyList<VeiligheidskaartVersie>> HistoryAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Veiligheidskaarten.AsNoTracking()
            .Where(v => db.Casussen.Any(c => c.Id == v.CasusId && c.Code == casusCode))
            .OrderBy(v => v.Nummer).ToListAsync(ct);
    }

    private static DomainResult<VeiligheidskaartVersie> Stale(int current) => DomainResult<VeiligheidskaartVersie>.Conflict(
        $"De Veiligheidskaart is intussen door iemand anders gewijzigd (nu versie {current}). Bekijk die versie en sla uw wijziging opnieuw op.");
}
