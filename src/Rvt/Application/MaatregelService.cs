using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>A beschikking as registered: the measure, and the machtiging uithuisplaatsing it grants with it, if any.</summary>
/// <param name="Jeugdbeschermer">The GI's jeugdbeschermer who carries it out (a user name); none lets the group pick up its tasks.</param>
public sealed record MaatregelRegistratie(MaatregelType? Type, DateOnly? StartDatum, DateOnly? EindDatum, MachtigingGegevens? Machtiging = null,
    string? Jeugdbeschermer = null);

/// <summary>A request that the GI register a beschikking; <paramref name="AlOpen"/> when an earlier one still waits.</summary>
public sealed record BeschikkingVerzoek(Guid Id, DateTimeOffset GevraagdOp, bool AlOpen);

/// <summary>A machtiging uithuisplaatsing or spoedmachtiging from the court's beschikking.</summary>
public sealed record MachtigingGegevens(MaatregelType? Soort, DateOnly? StartDatum, DateOnly? EindDatum);

/// <summary>
/// A maatregel is its own flow instance (evaluations every few months, the end date approaching, the
/// machtiging within it). Registering one here starts that flow, as the traject's "Beschikking registreren"
/// task does; ending one sends the flow the signal MaatregelBeeindigen, so that the flow itself stops its
/// timers, records the reason, plans the return to vrijwilligheid and tells the traject — exactly as when
/// an evaluation decides to end it.
/// </summary>
public sealed class MaatregelService(IDbContextFactory<CasusDbContext> contexts, IWorkflowStore engine, WorkflowRuntime runtime,
    TimeProvider clock, IOptions<RvtFlowOptions> flows)
{
    public const string EndSignal = "MaatregelBeeindigen";
    public const string MachtigingSignal = "MachtigingVerleend";

    /// <summary>The API's names for a machtiging's fields, for its messages.</summary>
    public static readonly (string Soort, string Start, string Eind) MachtigingFields = ("machtiging.soort", "machtiging.startDatum", "machtiging.eindDatum");
    public const int MaxRedenLength = 2_000;

    /// <param name="alongside">What the caller commits with the new maatregel flow (its audit line); it sees the new instance, whose id is the maatregel's.</param>
    public Task<DomainResult<Maatregel>> RegisterAsync(string casusCode, MaatregelType? type, DateOnly? start, DateOnly? end,
        string by, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) =>
        RegisterAsync(casusCode, new MaatregelRegistratie(type, start, end), by, alongside, ct);

    /// <summary>
    /// Registers the court's beschikking: an OTS, voorlopige OTS or voogdij, with a machtiging uithuisplaatsing
    /// when the same beschikking grants one. Every term of the flow counts from the beschikking's dates.
    /// </summary>
    public async Task<DomainResult<Maatregel>> RegisterAsync(string casusCode, MaatregelRegistratie registration, string by,
        IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var (type, start, end, machtiging, jeugdbeschermer) = registration;
        var errors = MaatregelRegels.Check(type, start, end);
        if (machtiging is not null)
            foreach (var (field, message) in MaatregelRegels.CheckMachtiging(machtiging.Soort, machtiging.StartDatum, machtiging.EindDatum,
                         type, start, end, MachtigingFields))
                errors.TryAdd(field, message);
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<Maatregel>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<Maatregel>.Conflict(refusal);
        var started = await runtime.StartAsync(flows.Value.MaatregelFlow, new Dictionary<string, object?>
        {
            ["type"] = MaatregelRegels.Label(type!.Value),
            ["startDatum"] = Iso(start!.Value),
            ["eindDatum"] = end is { } e ? Iso(e) : null,
            ["machtiging"] = machtiging is null ? null : MachtigingValues(machtiging),
            ["inbrenger"] = casus.Inbrenger,
            ["jeugdbeschermer"] = jeugdbeschermer,
            ["geregistreerdDoor"] = by,
        }, casusCode, UnitOfWorkParts.Of(alongside, Carrying(casusCode, jeugdbeschermer, by)), ct);
        return await FindAsync(started.InstanceId, ct) is { } maatregel
            ? DomainResult<Maatregel>.Ok(maatregel)
            : DomainResult<Maatregel>.NotFound("De maatregel is gestart maar niet terug te vinden.");
    }

    /// <summary>The jeugdbeschermer named on the registration is involved in the casus while the new maatregel runs.</summary>
    private InvolvementRows? Carrying(string casusCode, string? jeugdbeschermer, string by) =>
        string.IsNullOrEmpty(jeugdbeschermer) ? null : new InvolvementRows(casusCode, by, clock,
            changes => changes?.Created.Take(1).Select(m => new GrantedInvolvement(InvolvementKind.Jeugdbeschermer, jeugdbeschermer, m.Id)) ?? []);

    /// <summary>
    /// Asks the GI to register a beschikking the court gave outside the interventiegesprek route: the jeugdbeschermers
    /// get a group task, and whoever takes it becomes involved in the casus. A request still open is returned, not doubled.
    /// </summary>
    public async Task<DomainResult<BeschikkingVerzoek>> RequestRegistrationAsync(string casusCode, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<BeschikkingVerzoek>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<BeschikkingVerzoek>.Conflict(refusal);
        var open = (await engine.FindInstancesByCorrelationAsync(casusCode, ct))
            .FirstOrDefault(i => i.DefinitionId == flows.Value.BeschikkingFlow && i.IsActive);
        if (open is not null) return DomainResult<BeschikkingVerzoek>.Ok(new BeschikkingVerzoek(open.Id, open.CreatedAt, AlOpen: true));
        var started = await runtime.StartAsync(flows.Value.BeschikkingFlow, new Dictionary<string, object?>
        {
            ["inbrenger"] = casus.Inbrenger,
            ["gevraagdDoor"] = by,
        }, casusCode, alongside, ct);
        return DomainResult<BeschikkingVerzoek>.Ok(new BeschikkingVerzoek(started.InstanceId, clock.GetUtcNow(), AlOpen: false));
    }

    /// <summary>
    /// A machtiging uithuisplaatsing (or spoedmachtiging) granted later within a running (voorlopige) OTS: the
    /// maatregel's flow takes it while no other machtiging runs there.
    /// </summary>
    public async Task<DomainResult<Maatregel>> RegisterMachtigingAsync(Guid maatregelId, MachtigingGegevens machtiging, string by,
        IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var current = await FindAsync(maatregelId, ct);
        if (current is null) return DomainResult<Maatregel>.NotFound($"Maatregel {maatregelId} bestaat niet.");
        var errors = MaatregelRegels.CheckMachtiging(machtiging.Soort, machtiging.StartDatum, machtiging.EindDatum,
            current.Type, current.StartDatum, current.EindDatum, MachtigingFields);
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        if (current.Status is MaatregelStatus.Beeindigd or MaatregelStatus.Afgelopen)
            return DomainResult<Maatregel>.Conflict("De maatregel loopt niet meer: een machtiging hoort bij een lopende (voorlopige) OTS.");
        var data = MachtigingValues(machtiging);
        data["door"] = by;
        var delivered = await runtime.SignalAsync(MachtigingSignal, null, maatregelId, data, alongside, ct);
        return delivered == 1 && await FindAsync(maatregelId, ct) is { } after
            ? DomainResult<Maatregel>.Ok(after)
            : DomainResult<Maatregel>.Conflict("Bij deze maatregel loopt al een machtiging (of de flow neemt er nu geen aan): registreer de nieuwe " +
                "als de lopende is afgelopen, of beslis over de spoedmachtiging in de taak daarvan.");
    }

    /// <summary>Ends a running maatregel with a reason; its flow cancels every pending evaluation and deadline at once.</summary>
    public async Task<DomainResult<Maatregel>> EndAsync(Guid maatregelId, string? reason, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CasusIntake.Text(errors, "reden", reason, MaxRedenLength, missing: "Geef een reden.", today: Today());
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        var current = await FindAsync(maatregelId, ct);
        if (current is null) return DomainResult<Maatregel>.NotFound($"Maatregel {maatregelId} bestaat niet.");
        if (current.Status == MaatregelStatus.Beeindigd) return DomainResult<Maatregel>.Conflict("De maatregel is al beëindigd.");
        if (current.Type == MaatregelType.MachtigingUithuisplaatsing)
        {
            // A machtiging registered on its own (the first version of the flow): its flow's end path would plan the
            // return to vrijwilligheid and tell the traject the maatregel ended while the OTS runs on. Stopping that
            // flow ends only the machtiging; the reason stays with the caller's audit line, not in the stopped flow.
            var stopped = await runtime.CancelAsync(maatregelId, alongside, ct);
            return stopped.Outcome == ResumeOutcome.Resumed && await FindAsync(maatregelId, ct) is { } cancelled
                ? DomainResult<Maatregel>.Ok(cancelled)
                : DomainResult<Maatregel>.Conflict("De machtiging is intussen al beëindigd.");
        }
        var delivered = await runtime.SignalAsync(EndSignal, null, maatregelId,
            new Dictionary<string, object?> { ["reden"] = reason!.Trim(), ["door"] = by }, alongside, ct);
        var after = await FindAsync(maatregelId, ct);
        return delivered == 1 && after is not null
            ? DomainResult<Maatregel>.Ok(after)
            // The flow no longer waits for the signal: an evaluation ended it a moment earlier.
            : DomainResult<Maatregel>.Conflict("De maatregel is intussen al beëindigd of kan nu niet worden beëindigd.");
    }

    public async Task<IReadOnlyList<Maatregel>> ListAsync(string casusCode, CancellationToken ct = default)
    {
        var instances = await engine.FindInstancesByCorrelationAsync(casusCode, ct);
        var result = new List<Maatregel>();
        foreach (var instance in instances.Where(i => i.DefinitionId == flows.Value.MaatregelFlow).OrderBy(i => i.CreatedAt))
            if (await ReadAsync(instance, ct) is { } maatregel) result.Add(maatregel);
        return result;
    }

    public async Task<Maatregel?> FindAsync(Guid maatregelId, CancellationToken ct = default)
    {
        var instance = await engine.FindInstanceAsync(maatregelId, ct);
        return instance is null || instance.DefinitionId != flows.Value.MaatregelFlow ? null : await ReadAsync(instance, ct);
    }

    private async Task<Maatregel?> ReadAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var input = instance.ReadInput();
        var variables = instance.Variables;
        // The measure in force: a voorlopige OTS becomes an OTS in the same flow (second version on).
        if ((MaatregelRegels.FromLabel(variables.GetValueOrDefault("soort") as string) ?? MaatregelRegels.FromLabel(input.GetValueOrDefault("type") as string))
                is not { } type
            || (MaatregelRegels.Date(variables, "ingangsdatum") ?? MaatregelRegels.Date(input, "startDatum")) is not { } start)
            return null;
        var status = (variables.GetValueOrDefault("status") as string) switch
        {
            "beëindigd" => MaatregelStatus.Beeindigd,
            // A flow that ended or was cancelled without the flow saying so still ended the measure's follow-up.
            _ when !instance.IsActive => MaatregelStatus.Beeindigd,
            "verlengd" => MaatregelStatus.Verlengd,
            "afgelopen" => MaatregelStatus.Afgelopen,
            _ => MaatregelStatus.Lopend,
        };
        DateTimeOffset? next = null;
        if (status != MaatregelStatus.Beeindigd)
            next = (await engine.GetBookmarksAsync(instance.Id, ct))
                .Where(b => b.Kind == BookmarkKind.Timer && b.DueAt is not null).Min(b => b.DueAt);
        return new Maatregel(instance.Id, instance.CorrelationId ?? "", type, start,
            MaatregelRegels.Date(variables, "eindDatum") ?? MaatregelRegels.Date(input, "eindDatum"), status,
            variables.GetValueOrDefault("eindReden") as string, instance.CreatedAt, next,
            ReadMachtiging(variables.GetValueOrDefault("machtiging") as IReadOnlyDictionary<string, object?>)
                ?? FirstVersionMachtiging(type, start, MaatregelRegels.Date(input, "eindDatum"), status, variables),
            input.GetValueOrDefault("jeugdbeschermer") as string);
    }

    private static Machtiging? ReadMachtiging(IReadOnlyDictionary<string, object?>? values)
    {
        if (values is null || MaatregelRegels.FromLabel(values.GetValueOrDefault("soort") as string) is not { } kind
            || MaatregelRegels.Date(values, "startDatum") is not { } start || MaatregelRegels.Date(values, "eindDatum") is not { } end)
            return null;
        var status = (values.GetValueOrDefault("status") as string) switch
        {
            "uitgevoerd" => MachtigingStatus.Uitgevoerd,
            "vervallen" => MachtigingStatus.Vervallen,
            "afgelopen" => MachtigingStatus.Afgelopen,
            "beëindigd" => MachtigingStatus.Beeindigd,
            _ => MachtigingStatus.Lopend,
        };
        return new Machtiging(kind, start, end, status, kind == MaatregelType.Spoedmachtiging ? null : MaatregelRegels.VervaltOp(start));
    }

    /// <summary>
    /// A machtiging registered as a maatregel of its own (the first version of the flow) shows as the machtiging it is,
    /// with the day it lapses counted from its beschikking: that version asked about the lapse three months after it
    /// was typed in, which for a late registration is after the machtiging already lapsed.
    /// </summary>
    private static Machtiging? FirstVersionMachtiging(MaatregelType type, DateOnly start, DateOnly? endsOn, MaatregelStatus status,
        IReadOnlyDictionary<string, object?> variables)
    {
        if (type != MaatregelType.MachtigingUithuisplaatsing || endsOn is not { } end) return null;
        var answer = (variables.GetValueOrDefault("machtiging") as IReadOnlyDictionary<string, object?>)?.GetValueOrDefault("outcome") as string;
        var machtigingStatus = status == MaatregelStatus.Beeindigd ? MachtigingStatus.Beeindigd
            : answer == "Uitgevoerd" ? MachtigingStatus.Uitgevoerd
            : MachtigingStatus.Lopend;
        return new Machtiging(type, start, end, machtigingStatus, MaatregelRegels.VervaltOp(start));
    }

    private static Dictionary<string, object?> MachtigingValues(MachtigingGegevens machtiging) => new()
    {
        ["soort"] = MaatregelRegels.Label(machtiging.Soort!.Value),
        ["startDatum"] = Iso(machtiging.StartDatum!.Value),
        ["eindDatum"] = Iso(machtiging.EindDatum!.Value),
    };

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
