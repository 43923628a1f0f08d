using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Application;

/// <summary>The family's network on a casus: roles only, formal or informal (informal first: the network the family falls back on), each with what they contribute.</summary>
public sealed class NetwerkService(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<NetwerkLid>> ListAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casusId = await db.CasusIdAsync(casusCode, ct);
        if (casusId is null) return [];
        return await db.Netwerk.AsNoTracking().Where(n => n.CasusId == casusId).OrderBy(n => n.Soort == NetwerkSoort.Formeel).ThenBy(n => n.ToegevoegdOp).ToListAsync(ct);
    }

    public async Task<DomainResult<NetwerkLid>> AddAsync(string casusCode, string? role, NetwerkSoort? kind, string? contribution, string by,
        IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CasusIntake.Text(errors, "rol", role, NetwerkLid.MaxRolLength, missing: "Geef de rol, bijvoorbeeld 'grootmoeder' of 'buurvrouw' (geen naam).", today: today);
        if (kind is not { } chosen || !Enum.IsDefined(chosen)) errors["soort"] = "Kies formeel of informeel.";
        CasusIntake.Text(errors, "bijdrage", contribution, NetwerkLid.MaxBijdrageLength, required: false, today: today);
        if (errors.Count > 0) return DomainResult<NetwerkLid>.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<NetwerkLid>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<NetwerkLid>.Conflict(refusal);
        var member = NetwerkLid.Create(casus.Id, role!, kind!.Value, contribution, by, clock.GetUtcNow());
        db.Netwerk.Add(member);
        await db.SaveWithAsync(alongside, ct);
        return DomainResult<NetwerkLid>.Ok(member);
    }

    public async Task<DomainResult<NetwerkLid>> RemoveAsync(string casusCode, Guid id, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var member = await db.Netwerk.FirstOrDefaultAsync(n => n.Id == id && db.Casussen.Any(c => c.Id == n.CasusId && c.Code == casusCode), ct);
        if (member is null) return DomainResult<NetwerkLid>.NotFound($"Dit netwerklid bestaat niet (meer) bij casus {casusCode}.");
        var casus = await db.Casussen.AsNoTracking().FirstAsync(c => c.Id == member.CasusId, ct);
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<NetwerkLid>.Conflict(refusal);
        db.Netwerk.Remove(member);
        await db.SaveWithAsync(alongside, ct);
        return DomainResult<NetwerkLid>.Ok(member);
    }
}
