using System.Globalization;
using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Rvt;

/// <summary>
/// A casus on the RVT table: the date triage planned it for (the triage form's <c>tafeldatum</c>), and where it
/// stands: the inbrenger still prepares it, or it waits for the chair to record the advies.
/// </summary>
public sealed record AgendaPunt(string CasusCode, DateOnly? Tafeldatum, string Stap, TaskView Taak);

/// <summary>The table agenda: every casus triage sent to bespreking whose advies is not recorded yet, by table date.</summary>
public sealed record GetTafelAgenda(CurrentUser User) : IRequest<RequestResult<IReadOnlyList<AgendaPunt>>>;

/// <summary>
/// Reads the agenda from where the flow waits (rvt-aanmelding's "voorbereiden" and "advies" steps) and the date
/// from the triage's answer in that instance: the flow stays the one truth of what is on the table. Only codes,
/// dates, steps and the waiting task are listed; the look is audited as one line naming the casussen shown.
/// </summary>
public sealed class TafelAgendaHandler(IWorkflowStore engine, Auditor audit) : IRequestHandler<GetTafelAgenda, RequestResult<IReadOnlyList<AgendaPunt>>>
{
    public const string AanmeldingFlow = "rvt-aanmelding";
    public const string Voorbereiden = "voorbereiden";
    public const string Advies = "advies";
    private const int MaxOnTheTable = 500;

    public async ValueTask<RequestResult<IReadOnlyList<AgendaPunt>>> Handle(GetTafelAgenda request, CancellationToken ct)
    {
        var waiting = await engine.FindOpenTasksAsync(new TaskQuery(DefinitionId: AanmeldingFlow, ActivityIds: [Voorbereiden, Advies], Take: MaxOnTheTable), ct);
        // The triage answers of every instance on the list in one read, not one read per point.
        var instances = (await engine.FindInstancesAsync([.. waiting.Select(t => t.InstanceId).Distinct()], ct)).ToDictionary(i => i.Id);
        var punten = new List<AgendaPunt>();
        foreach (var task in waiting.Where(t => t.CorrelationId is not null))
        {
            var triage = instances.GetValueOrDefault(task.InstanceId)?.Variables.GetValueOrDefault("triage") as IReadOnlyDictionary<string, object?>;
            // An advies after Consultatie & Advies or a spoedadvies is not a table discussion.
            if (triage?.GetValueOrDefault("outcome") as string != "Bespreking") continue;
            punten.Add(new AgendaPunt(task.CorrelationId!, Date(triage.GetValueOrDefault("tafeldatum") as string),
                task.ActivityId == Voorbereiden ? "voorbereiding door de inbrenger" : "klaar voor advies", TaskView.From(task)));
        }
        // Each point carries its task, description included: one audit line for the look, naming the casussen on the table.
        await audit.ListAsync(request.User, "rvt.agenda", Auditor.PurposeCare, punten.Select(p => p.CasusCode), punten.Count, ct: ct);
        return RequestResult<IReadOnlyList<AgendaPunt>>.Ok([.. punten.OrderBy(p => p.Tafeldatum ?? DateOnly.MaxValue).ThenBy(p => p.CasusCode, StringComparer.Ordinal)]);
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
