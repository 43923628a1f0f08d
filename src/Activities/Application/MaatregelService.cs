using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Activities.Domain;
using ProcessEngine.Activities.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Activities.Application;

/// <summary>
/// Registering a maatregel starts its own flow (evaluations every few months, the end date approaching,
/// a lapsing machtiging); ending it cancels that flow, and with it every pending timer of the maatregel.
/// </summary>
public sealed class MaatregelService(IDbContextFactory<CasusDbContext> contexts, WorkflowRuntime runtime, TimeProvider clock, IOptions<RvtFlowOptions> flows)
{
    public async Task<DomainResult<Maatregel>> RegistreerAsync(string casusCode, MaatregelType? type, DateOnly? start, DateOnly? eind,
        string door, CancellationToken ct = default)
    {
        var errors = Validate(type, start, eind);
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<Maatregel>.NotFound($"Casus {casusCode} bestaat niet.");
        var maatregel = Maatregel.Register(casus.Id, type!.Value, start!.Value, eind!.Value, clock.GetUtcNow());
        db.Maatregelen.Add(maatregel);
        await db.SaveChangesAsync(ct);
        var started = await runtime.StartAsync(flows.Value.MaatregelFlow, new Dictionary<string, object?>
        {
            ["maatregelId"] = maatregel.Id.ToString(),
            ["type"] = Label(maatregel.Type),
            ["startDatum"] = maatregel.StartDatum.ToString("yyyy-MM-dd"),
            ["eindDatum"] = maatregel.EindDatum.ToString("yyyy-MM-dd"),
            ["inbrenger"] = casus.Inbrenger,
        }, casusCode, ct);
        maatregel.LinkInstance(started.InstanceId);
        await db.SaveChangesAsync(ct);
        return DomainResult<Maatregel>.Ok(maatregel);
    }

    public async Task<DomainResult<Maatregel>> BeeindigAsync(Guid maatregelId, string reden, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reden)) return DomainResult<Maatregel>.Invalid(new Dictionary<string, string> { ["reden"] = "Geef een reden." });
        await using var db = await contexts.CreateDbContextAsync(ct);
        var maatregel = await db.Maatregelen.FirstOrDefaultAsync(m => m.Id == maatregelId, ct);
        if (maatregel is null) return DomainResult<Maatregel>.NotFound($"Maatregel {maatregelId} bestaat niet.");
        if (maatregel.Status == MaatregelStatus.Beeindigd) return DomainResult<Maatregel>.Conflict("De maatregel is al beëindigd.");
        maatregel.End(reden.Trim());
        await db.SaveChangesAsync(ct);
        if (maatregel.WorkflowInstanceId is { } instance) await runtime.CancelAsync(instance, ct);
        return DomainResult<Maatregel>.Ok(maatregel);
    }

    public static string Label(MaatregelType type) => type switch
    {
        MaatregelType.Ots => "OTS",
        MaatregelType.VoorlopigeOts => "Voorlopige OTS",
        MaatregelType.MachtigingUithuisplaatsing => "Machtiging uithuisplaatsing",
        _ => "Voogdij",
    };

    private static Dictionary<string, string> Validate(MaatregelType? type, DateOnly? start, DateOnly? eind)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (type is null) errors["type"] = "Kies het soort maatregel.";
        if (start is null) errors["startDatum"] = "Geef de ingangsdatum.";
        if (eind is null) errors["eindDatum"] = "Geef de einddatum.";
        if (start is { } s && eind is { } e)
        {
            if (e <= s) errors["eindDatum"] = "De einddatum ligt na de ingangsdatum.";
            else if (type is { } t && Maatregel.MaxMonths(t) is { } months && e > s.AddMonths(months))
                errors["eindDatum"] = $"Een {Label(t)} duurt ten hoogste {months} maanden (Burgerlijk Wetboek boek 1); verlengen is een nieuwe beschikking.";
        }
        return errors;
    }
}
