using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// A maatregel is its own flow instance (evaluations every few months, the end date approaching, a
/// lapsing machtiging). Registering one here starts that flow, as the traject's "Maatregel registreren"
/// task does; ending one sends the flow the signal MaatregelBeeindigen, so that the flow itself stops its
/// timers, records the reason, plans the return to vrijwilligheid and tells the traject — exactly as when
/// an evaluation decides to end it.
/// </summary>
public sealed class MaatregelService(IDbContextFactory<CasusDbContext> contexts, IWorkflowStore engine, WorkflowRuntime runtime,
    TimeProvider clock, IOptions<RvtFlowOptions> flows)
{
    public const string EndSignal = "MaatregelBeeindigen";
    public const int MaxRedenLength = 2_000;

    /// <param name="alongside">What the caller commits with the new maatregel flow (its audit line); it sees the new instance, whose id is the maatregel's.</param>
    public async Task<DomainResult<Maatregel>> RegisterAsync(string casusCode, MaatregelType? type, DateOnly? start, DateOnly? eind,
        string door, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var errors = MaatregelRegels.Check(type, start, eind);
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var casus = await db.Casussen.AsNoTracking().FirstOrDefaultAsync(c => c.Code == casusCode, ct);
        if (casus is null) return DomainResult<Maatregel>.NotFound($"Casus {casusCode} bestaat niet.");
        if (await CasusWrites.RefusalAsync(db, casus, ct) is { } refusal) return DomainResult<Maatregel>.Conflict(refusal);
        var started = await runtime.StartAsync(flows.Value.MaatregelFlow, new Dictionary<string, object?>
        {
            ["type"] = MaatregelRegels.Label(type!.Value),
            ["startDatum"] = Iso(start!.Value),
            ["eindDatum"] = eind is { } e ? Iso(e) : null,
            ["inbrenger"] = casus.Inbrenger,
            ["geregistreerdDoor"] = door,
        }, casusCode, alongside, ct);
        return await FindAsync(started.InstanceId, ct) is { } maatregel
            ? DomainResult<Maatregel>.Ok(maatregel)
            : DomainResult<Maatregel>.NotFound("De maatregel is gestart maar niet terug te vinden.");
    }

    /// <summary>Ends a running maatregel with a reason; its flow cancels every pending evaluation and deadline at once.</summary>
    public async Task<DomainResult<Maatregel>> EndAsync(Guid maatregelId, string? reden, string door, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        CasusIntake.Text(errors, "reden", reden, MaxRedenLength, missing: "Geef een reden.", today: Today());
        if (errors.Count > 0) return DomainResult<Maatregel>.Invalid(errors);
        var current = await FindAsync(maatregelId, ct);
        if (current is null) return DomainResult<Maatregel>.NotFound($"Maatregel {maatregelId} bestaat niet.");
        if (current.Status == MaatregelStatus.Beeindigd) return DomainResult<Maatregel>.Conflict("De maatregel is al beëindigd.");
        var delivered = await runtime.SignalAsync(EndSignal, null, maatregelId,
            new Dictionary<string, object?> { ["reden"] = reden!.Trim(), ["door"] = door }, alongside, ct);
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
        if (MaatregelRegels.FromLabel(input.GetValueOrDefault("type") as string) is not { } type
            || MaatregelRegels.Date(input, "startDatum") is not { } start)
            return null;
        var status = (variables.GetValueOrDefault("status") as string) switch
        {
            "beëindigd" => MaatregelStatus.Beeindigd,
            // A flow that ended or was cancelled without the flow saying so still ended the measure's follow-up.
            _ when !instance.IsActive => MaatregelStatus.Beeindigd,
            "verlengd" => MaatregelStatus.Verlengd,
            _ => MaatregelStatus.Lopend,
        };
        DateTimeOffset? next = null;
        if (status != MaatregelStatus.Beeindigd)
            next = (await engine.GetBookmarksAsync(instance.Id, ct))
                .Where(b => b.Kind == BookmarkKind.Timer && b.DueAt is not null).Min(b => b.DueAt);
        return new Maatregel(instance.Id, instance.CorrelationId ?? "", type, start,
            MaatregelRegels.Date(variables, "eindDatum") ?? MaatregelRegels.Date(input, "eindDatum"), status,
            variables.GetValueOrDefault("eindReden") as string, instance.CreatedAt, next);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
