using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// Aanmelding: a new casus with its traject, and the traject's flow started under the casus code.
/// Only categorical facts go into the flow's input (organisation, household kind, acute or not, ...);
/// the free-text hulpvraag stays in the casus row, where retention can delete it.
/// </summary>
public sealed class TrajectService(IDbContextFactory<CasusDbContext> contexts, WorkflowRuntime runtime, IWorkflowStore engine, TimeProvider clock,
    IOptions<RvtFlowOptions> flows)
{
    /// <summary>
    /// One transaction: the casus, its traject linked to the traject's new flow instance, that instance and its first
    /// steps, and what the caller commits with them (<paramref name="alongside"/>, given the new casus code: its audit
    /// line). A crash or a refused audit line leaves no casus without a flow and no flow without a casus.
    /// </summary>
    public async Task<DomainResult<Traject>> RegisterIntakeAsync(CasusIntake intake, string inbrenger,
        Func<string, IUnitOfWorkPart?>? alongside = null, CancellationToken ct = default)
    {
        var errors = intake.Validate();
        if (errors.Count > 0) return DomainResult<Traject>.Invalid(errors);
        var now = clock.GetUtcNow();
        string code;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            code = await FreeCodeAsync(db, now, ct);
        var casus = Casus.Create(code, intake, inbrenger, now);
        var traject = Traject.Start(casus, now);
        var rows = new CasusRowsAlongside((db, changes) =>
        {
            traject.LinkInstance(changes!.Created[0].Id);
            db.Casussen.Add(casus);
            db.Trajecten.Add(traject);
        });
        await runtime.StartAsync(flows.Value.TrajectFlow, TrajectInput.For(intake, inbrenger), code, UnitOfWorkParts.Of(rows, alongside?.Invoke(code)), ct);
        return DomainResult<Traject>.Ok(traject);
    }

    public async Task<Casus?> FindCasusAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
    }

    /// <summary>
    /// Where the traject stands for the people involved: closed (domain), paused by the Stopknop (some of
    /// its waiting steps are held in the engine), or running. Read from the engine each time, so it can
    /// never disagree with what the flow will actually let happen.
    /// </summary>
    public async Task<TrajectStatus?> StatusAsync(string code, CancellationToken ct = default)
    {
        var traject = await FindTrajectAsync(code, ct);
        if (traject is null) return null;
        if (traject.Status == TrajectStatus.Closed) return TrajectStatus.Closed;
        foreach (var instance in await engine.FindInstancesByCorrelationAsync(code, ct))
            if (instance.IsActive && (await engine.GetBookmarksAsync(instance.Id, ct)).Any(b => b.IsHeld))
                return TrajectStatus.PausedByStopknop;
        return TrajectStatus.Running;
    }

    public const int MaxStopknopRedenLength = 2_000;

    /// <summary>
    /// The Stopknop: anyone involved pauses the whole traject with a reason; its waiting steps are held
    /// and the RVT chair gets the review task. Refused (nothing changes) without a usable reason, on a
    /// closed traject, or when it is already paused.
    /// </summary>
    /// <param name="alongside">What the caller commits with the pause (its audit line).</param>
    public Task<DomainResult<TrajectStatus>> StopknopAsync(string code, string? reason, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default) =>
        StopknopAsync(code, new StopknopMelding(reason), by, alongside, ct);

    /// <summary>As above; pressed on behalf of the family, the family's own words are required and go to the chair's review.</summary>
    public async Task<DomainResult<TrajectStatus>> StopknopAsync(string code, StopknopMelding report, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        var (reason, today) = (report.Reden, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CasusIntake.Text(errors, "reden", reason, MaxStopknopRedenLength, missing: "Geef een reden: waarom moet het traject nu stoppen?", today: today);
        CasusIntake.Text(errors, "gezinZegt", report.GezinZegt, MaxStopknopRedenLength, required: report.NamensGezin,
            missing: "Namens het gezin: schrijf op wat het gezin zegt, in hun woorden.", today: today);
        if (report.Doorlaten?.FirstOrDefault(r => !StopknopMelding.KanDoorlopen.ContainsKey(r)) is { } unknown)
            errors["doorlaten"] = $"'{unknown}' kan niet doorlopen; kies uit {string.Join(", ", StopknopMelding.KanDoorlopen.Keys)}.";
        if (errors.Count > 0) return DomainResult<TrajectStatus>.Invalid(errors);
        var status = await StatusAsync(code, ct);
        if (status is null) return DomainResult<TrajectStatus>.NotFound($"Traject {code} bestaat niet.");
        if (status == TrajectStatus.Closed) return DomainResult<TrajectStatus>.Conflict("Het traject is afgesloten.");
        if (status == TrajectStatus.PausedByStopknop) return DomainResult<TrajectStatus>.Conflict("Het traject is al gepauzeerd; de voorzitter beoordeelt het.");
        var delivered = await runtime.SignalAsync(StopknopSignal, code,
            payload: new Dictionary<string, object?>
            {
                ["reden"] = reason!.Trim(), ["door"] = by, ["namensGezin"] = report.NamensGezin,
                ["gezinZegt"] = string.IsNullOrWhiteSpace(report.GezinZegt) ? null : report.GezinZegt.Trim(),
                ["doorlaten"] = (report.Doorlaten ?? StopknopMelding.StandaardDoorlaten).Select(r => (object?)StopknopMelding.KanDoorlopen[r]).ToList(),
                ["beoordelaars"] = report.Beoordeling?.Groep,
                ["betrokkenen"] = report.Beoordeling is { } beoordeling ? beoordeling.Betrokkenen.Cast<object?>().ToList() : null,
            }, alongside: alongside, ct: ct);
        return delivered > 0
            ? DomainResult<TrajectStatus>.Ok(TrajectStatus.PausedByStopknop)
            : DomainResult<TrajectStatus>.Conflict("Het traject kan nu niet worden gepauzeerd: de Stopknop wordt al beoordeeld.");
    }

    public const string StopknopSignal = "Stopknop";

    public async Task<Traject?> FindTrajectAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Trajecten.AsNoTracking().FirstOrDefaultAsync(t => t.CasusCode == code, ct);
    }

    // Codes are random; a clash is rare but must never merge two families.
    private static async Task<string> FreeCodeAsync(CasusDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var code = CasusCode.New(now);
            if (!await db.Casussen.AnyAsync(c => c.Code == code, ct)) return code;
        }
        throw new InvalidOperationException("No free casus code after 10 attempts; the code space for this year is nearly full.");
    }
}

/// <summary>
/// What the one pressing the Stopknop says: why it must stop now, and whether they press it on behalf of the family
/// ("namens het gezin"), with the family's own words. Help that harms must be stoppable by those it harms.
/// </summary>
/// <param name="Doorlaten">The routes whose contact goes on during the pause (route codes); null: the duo's contact, as the
/// seeds ask (the relationship carries the family through a crisis); empty: everything pauses.</param>
public sealed record StopknopMelding(string? Reden, bool NamensGezin = false, string? GezinZegt = null, StopknopBeoordeling? Beoordeling = null,
    IReadOnlyList<string>? Doorlaten = null)
{
    /// <summary>The routes that may go on during a pause, by route code, with the flow that runs each.</summary>
    public static IReadOnlyDictionary<string, string> KanDoorlopen { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["begeleiding-in-duo"] = "rvt-begeleiding-in-duo", ["netwerkberaad"] = "rvt-netwerkberaad", ["interventiegesprek-rvdk"] = "rvt-interventiegesprek-rvdk",
    };

    public static IReadOnlyList<string> StandaardDoorlaten { get; } = ["begeleiding-in-duo"];
}

/// <summary>
/// Who reviews the Stopknop: the group the review goes to, and the people involved in the casus, who may not take it
/// (user names of professionals, never of the family). Without it the review goes to the RVT chairs.
/// </summary>
public sealed record StopknopBeoordeling(string Groep, IReadOnlyList<string> Betrokkenen);
