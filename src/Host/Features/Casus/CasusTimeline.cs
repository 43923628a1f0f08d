using ProcessEngine.Activities.Generic;
using ProcessEngine.Host.Api;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Casus;

/// <summary>One line of a casus's timeline, in words ("Advies vastleggen: Netwerkberaad"), with who did it where known.</summary>
/// <param name="Kind">aanmelding, taak, route, stopknop, maatregel, veiligheidskaart or einde: for an icon.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Text, string? By, string Kind);

/// <summary>
/// The story of a traject for the people on it, built from what the engine and the domain recorded: the
/// aanmelding, every task done (the step's name in the flow and the outcome chosen), routes started, the
/// Stopknop and its decision, maatregelen, Veiligheidskaart versions and the closing. Bookkeeping steps
/// (decisions, variables, counts, forks) are left out; they mean nothing to a professional.
/// </summary>
public sealed class CasusTimeline(IWorkflowStore engine, WorkflowGraphProvider graphs, VeiligheidskaartService kaarten, MaatregelService maatregelen)
{
    public async Task<IReadOnlyList<TimelineEntry>> BuildAsync(ProcessEngine.Rvt.Domain.Casus casus, CancellationToken ct)
    {
        var regels = new List<TimelineEntry> { new(casus.CreatedAt, "Aangemeld bij het RVT", casus.Inbrenger, "aanmelding") };
        var instances = await engine.FindInstancesByCorrelationAsync(casus.Code, ct);
        var names = new Dictionary<Guid, WorkflowGraph?>();
        foreach (var instance in instances)
        {
            var graph = names[instance.Id] = await GraphAsync(instance, ct);
            foreach (var entry in await engine.GetJournalAsync(instance.Id, ct))
                if (FromJournal(entry, graph, isRoot: instance.ParentInstanceId is null) is { } regel) regels.Add(regel);
        }
        foreach (var task in await engine.GetTasksAsync(casus.Code, ct))
            if (FromTask(task, names.GetValueOrDefault(task.InstanceId)) is { } regel) regels.Add(regel);
        foreach (var maatregel in await maatregelen.ListAsync(casus.Code, ct))
            regels.Add(new(maatregel.GeregistreerdOp, $"Maatregel {MaatregelRegels.Label(maatregel.Type)} geregistreerd", null, "maatregel"));
        foreach (var versie in await kaarten.HistoryAsync(casus.Code, ct))
            regels.Add(new(versie.CreatedAt, $"Veiligheidskaart versie {versie.Nummer} opgeslagen", versie.Auteur, "veiligheidskaart"));
        return [.. regels.OrderBy(r => r.At)];
    }

    private async Task<WorkflowGraph?> GraphAsync(WorkflowInstance instance, CancellationToken ct)
    {
        try
        {
            return await graphs.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        }
        catch (WorkflowNotFoundException)
        {
            return null; // a version removed since: the timeline falls back on task titles
        }
    }

    private static TimelineEntry? FromTask(UserTask task, WorkflowGraph? graph)
    {
        var name = Name(graph, task.ActivityId) ?? task.Title;
        return task.Status switch
        {
            UserTaskStatus.Completed => new(task.CompletedAt!.Value, $"{name}: {task.Outcome}", task.CompletedBy, "taak"),
            UserTaskStatus.Cancelled => new(task.CompletedAt ?? task.CreatedAt, $"{name}: vervallen", null, "taak"),
            _ => null,
        };
    }

    private static TimelineEntry? FromJournal(JournalEntry entry, WorkflowGraph? graph, bool isRoot)
    {
        var node = graph?.Nodes.GetValueOrDefault(entry.ActivityId);
        var name = node?.Activity.DisplayName;
        return (entry.ActivityType, entry.Event) switch
        {
            ("RunSubflow", JournalEvent.Suspended) => new(entry.EndedAt, $"Gestart: {name ?? "deelproces"}", null, "route"),
            ("WaitForSignal", JournalEvent.Completed) when (node?.Activity as WaitForSignal)?.Signal.Literal == TrajectService.StopknopSignal =>
                new(entry.EndedAt, "Stopknop ingedrukt: het traject is gepauzeerd", null, "stopknop"),
            ("ReleaseHold", JournalEvent.Completed) => new(entry.EndedAt, $"Na de Stopknop: {name ?? "pauze beëindigd"}", null, "stopknop"),
            ("End", JournalEvent.Completed) when isRoot || name is not null => new(entry.EndedAt, name ?? "Afgerond", null, "einde"),
            (_, JournalEvent.Migrated) => new(entry.EndedAt, entry.Message ?? "Verplaatst naar een nieuwe versie van de flow", null, "flow"),
            (_, JournalEvent.Repaired) => new(entry.EndedAt, entry.Message ?? "Hersteld door beheer", null, "flow"),
            _ => null,
        };
    }

    private static string? Name(WorkflowGraph? graph, string activityId) => graph?.Nodes.GetValueOrDefault(activityId)?.Activity.DisplayName;
}
