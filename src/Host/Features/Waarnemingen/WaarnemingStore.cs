using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.HostStore.StandIns;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Waarnemingen;

/// <summary>
/// The stand-in periods in the host's tables: who stands in for whom right now (asked by casus access, the inbox and the
/// prompts, always at the clock's now, so a period that ended gives nothing any more), and the set and end of a period
/// committed together with its audit line.
/// </summary>
public sealed class WaarnemingStore(IDbContextFactory<HostDbContext> contexts, TimeProvider clock)
{
    /// <summary>The people <paramref name="standIn"/> stands in for now, by user name.</summary>
    public async Task<IReadOnlyList<string>> AbsentForAsync(string standIn, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Waarnemingen.AsNoTracking().Where(w => w.StandIn == standIn && w.Until > now && w.From <= now).ToListAsync(ct);
        return [.. rows.Where(w => w.IsActiveAt(now)).Select(w => w.AbsentUser).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Who stands in for <paramref name="absent"/> now (usually nobody, at most one: periods of one person do not overlap).</summary>
    public async Task<IReadOnlyList<string>> StandInsOfAsync(string absent, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Waarnemingen.AsNoTracking().Where(w => w.AbsentUser == absent && w.Until > now && w.From <= now).ToListAsync(ct);
        return [.. rows.Where(w => w.IsActiveAt(now)).Select(w => w.StandIn).Distinct(StringComparer.Ordinal)];
    }

    public async Task<bool> IsStandingInAsync(string standIn, string absent, CancellationToken ct) =>
        (await AbsentForAsync(standIn, ct)).Contains(absent, StringComparer.Ordinal);

    public async Task<Waarneming?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Waarnemingen.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
    }

    /// <summary>
    /// The periods that have not ended yet (running or still to come), of which <paramref name="person"/> is the absent one or
    /// the stand-in; every such period when <paramref name="person"/> is null (the chair's overview).
    /// </summary>
    public async Task<IReadOnlyList<Waarneming>> CurrentAsync(string? person, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Waarnemingen.AsNoTracking()
            .Where(w => w.Until > now && (person == null || w.AbsentUser == person || w.StandIn == person))
            .OrderBy(w => w.From).Take(500).ToListAsync(ct);
        return [.. rows.Where(w => w.EffectiveUntil > now)];
    }

    /// <summary>Whether a period of <paramref name="absent"/> that has not been ended overlaps [from, until).</summary>
    public async Task<bool> OverlapsAsync(string absent, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Waarnemingen.AsNoTracking().Where(w => w.AbsentUser == absent && w.Until > from && w.From < until).ToListAsync(ct);
        return rows.Any(w => w.EffectiveUntil > from && w.EffectiveUntil > w.From);
    }

    /// <summary>Stores a new period; its audit line commits with it.</summary>
    public async Task AddAsync(Waarneming waarneming, IUnitOfWorkPart audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Waarnemingen.Add(waarneming);
        await db.SaveWithAsync((transaction, token) => audit.WriteAsync(transaction, null, token), ct);
    }

    /// <summary>
    /// Ends a period at <paramref name="at"/> (a period still to come ends before it starts, which removes it), with its audit
    /// line; false when someone else changed it first.
    /// </summary>
    public async Task<bool> EndAsync(Guid id, int version, string by, DateTimeOffset at, IUnitOfWorkPart audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.Waarnemingen.FirstOrDefaultAsync(w => w.Id == id && w.Version == version, ct);
        if (row is null) return false;
        row.EndedAt = at;
        row.EndedBy = by;
        row.Version++;
        try
        {
            await db.SaveWithAsync((transaction, token) => audit.WriteAsync(transaction, null, token), ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
