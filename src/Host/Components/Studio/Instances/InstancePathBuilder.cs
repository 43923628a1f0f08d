using ProcessEngine.Host.Features.Audit;
using ProcessEngine.Host.Features.Instances;
using ProcessEngine.Host.Features.Reports;
namespace ProcessEngine.Host.Components.Studio.Instances;

/// <summary>
/// The path an instance took, read from its journal: every activity that ran, and each connection whose
/// source completed with that connection's outcome and whose target ran after it. The steps it waits on and
/// a faulted step come from its bookmarks and incidents.
/// </summary>
public static class InstancePathBuilder
{
    public static InstancePath From(InstanceView instance, CanvasModel flow)
    {
        var journal = instance.Journal.OrderBy(j => j.Sequence).ToList();
        var lastRun = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < journal.Count; i++) lastRun[journal[i].ActivityId] = i;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < journal.Count; i++)
        {
            var entry = journal[i];
            if (entry.Event != "Completed") continue;
            foreach (var connection in flow.Connections.Where(c => c.Source == entry.ActivityId && Followed(entry, c.Outcome)
                && lastRun.TryGetValue(c.Target, out var last) && last > i))
                taken.Add(connection.Id);
        }
        var waiting = instance.Waiting.Select(w => w.ActivityId).Distinct().ToList();
        // A waiting step has begun, so the connection that led to it was taken as well.
        foreach (var connection in flow.Connections.Where(c => waiting.Contains(c.Target)))
            if (journal.Any(j => j.ActivityId == connection.Source && j.Event == "Completed" && Followed(j, connection.Outcome)))
                taken.Add(connection.Id);
        return new InstancePath(
            [.. journal.Select(j => j.ActivityId).Distinct()],
            [.. taken],
            waiting,
            [.. instance.Incidents.Select(i => i.ActivityId).Distinct()]);
    }

    // A fork completes with all its branches at once; the journal lists them joined by commas ("Traject,Stopknop").
    private static bool Followed(JournalView entry, string outcome) =>
        (entry.Outcome ?? "Done") == outcome || (entry.Outcome ?? "").Split(',').Contains(outcome);
}
