using Microsoft.EntityFrameworkCore;
using ProcessEngine.Activities.Domain;
using ProcessEngine.Activities.Persistence;
using ProcessEngine.Activities.Privacy;

namespace ProcessEngine.Activities.Application;

/// <summary>The family's network on a casus: roles only, formal or informal (informal first: the network the family falls back on), each with what they contribute.</summary>
public sealed class NetwerkService(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<NetwerkLid>> ListAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casusId = await db.Casussen.Where(c => c.Code == casusCode).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (casusId is null) return [];
        return await db.Netwerk.AsNoTracking().Where(n => n.CasusId == casusId).OrderBy(n => n.Soort == NetwerkSoort.Formeel).ThenBy(n => n.ToegevoegdOp).ToListAsync(ct);
    }

    public async Task<DomainResult<NetwerkLid>> VoegToeAsync(string casusCode, string? rol, NetwerkSoort? soort, string? bijdrage, string door,
        CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(rol)) errors["rol"] = "Geef de rol, bijvoorbeeld 'grootmoeder' of 'buurvrouw' (geen naam).";
        else if (rol.Trim().Length > NetwerkLid.MaxRolLength) errors["rol"] = $"Alleen de rol, in ten hoogste {NetwerkLid.MaxRolLength} tekens.";
        else if (IdentifierGuard.Find(rol, today) is [var r, ..]) errors["rol"] = r.Message;
        if (soort is null) errors["soort"] = "Kies formeel of informeel.";
        if (bijdrage is { Length: > NetwerkLid.MaxBijdrageLength }) errors["bijdrage"] = $"Ten hoogste {NetwerkLid.MaxBijdrageLength} tekens.";
        else if (IdentifierGuard.Find(bijdrage, today) is [var b, ..]) errors["bijdrage"] = b.Message;
        if (errors.Count > 0) return DomainResult<NetwerkLid>.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<NetwerkLid>.NotFound($"Casus {casusCode} bestaat niet.");
        if (casus.ContentDeletedAt is not null) return DomainResult<NetwerkLid>.Conflict("De gegevens van deze casus zijn volgens de bewaartermijn verwijderd.");
        var lid = NetwerkLid.Create(casus.Id, rol!, soort!.Value, bijdrage, door, clock.GetUtcNow());
        db.Netwerk.Add(lid);
        await db.SaveChangesAsync(ct);
        return DomainResult<NetwerkLid>.Ok(lid);
    }

    public async Task<DomainResult<NetwerkLid>> VerwijderAsync(string casusCode, Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lid = await db.Netwerk.FirstOrDefaultAsync(n => n.Id == id && db.Casussen.Any(c => c.Id == n.CasusId && c.Code == casusCode), ct);
        if (lid is null) return DomainResult<NetwerkLid>.NotFound($"Dit netwerklid bestaat niet (meer) bij casus {casusCode}.");
        db.Netwerk.Remove(lid);
        await db.SaveChangesAsync(ct);
        return DomainResult<NetwerkLid>.Ok(lid);
    }
}
