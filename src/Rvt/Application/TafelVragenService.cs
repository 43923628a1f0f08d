using Microsoft.EntityFrameworkCore;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Application;

/// <summary>The questions the table puts for a casus, before and during the bespreking, in the order they were put.</summary>
public sealed class TafelVragenService(IDbContextFactory<CasusDbContext> contexts, TimeProvider clock)
{
    public async Task<IReadOnlyList<TafelVraag>> ListAsync(string casusCode, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casusId = await db.CasusIdAsync(casusCode, ct);
        if (casusId is null) return [];
        return await db.TafelVragen.AsNoTracking().Where(v => v.CasusId == casusId).OrderBy(v => v.GesteldOp).ThenBy(v => v.Id).ToListAsync(ct);
    }

    public async Task<DomainResult<TafelVraag>> AddAsync(string casusCode, string? question, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Workflows.Scheduling.DutchCalendar.Amsterdam).DateTime);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CasusIntake.Text(errors, "vraag", question, TafelVraag.MaxVraagLength, missing: "Schrijf de vraag op die u aan tafel wilt stellen.", today: today);
        if (errors.Count > 0) return DomainResult<TafelVraag>.Invalid(errors);

        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<TafelVraag>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<TafelVraag>.Conflict(refusal);
        var added = TafelVraag.Create(casus.Id, question!, by, clock.GetUtcNow());
        db.TafelVragen.Add(added);
        await db.SaveWithAsync(alongside, ct);
        return DomainResult<TafelVraag>.Ok(added);
    }
}
