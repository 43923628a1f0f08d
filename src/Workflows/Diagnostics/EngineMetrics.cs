using System.Diagnostics.Metrics;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Diagnostics;

/// <summary>
/// What the engine counts for operators (meter <see cref="MeterName"/>): steps, committed passes and how long the
/// commit took, timers fired and how late, tasks created and finished, incidents raised and resolved. Tags carry the
/// kind of step and its event only (names from the flow's design, the same for every family), never an instance's data.
/// Plain System.Diagnostics metrics, so the engine needs no telemetry package; the host decides whether they go out.
/// </summary>
public static class EngineMetrics
{
    public const string MeterName = "ProcessEngine.Engine";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Steps = Meter.CreateCounter<long>("processengine.steps", "{step}",
        "Activity steps the engine journaled, by event (Completed, Suspended, Faulted, ...).");
    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("processengine.passes.committed", "{pass}",
        "Execution passes committed in one transaction each.");
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("processengine.pass.commit.duration", "s",
        "How long a pass's transaction took to commit.");
    private static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("processengine.timers.fired", "{timer}",
        "Timers that resumed their instance.");
    private static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>("processengine.timer.lag", "s",
        "How long after its due moment a timer fired.");
    private static readonly Counter<long> TasksCreated = Meter.CreateCounter<long>("processengine.tasks.created", "{task}", "User tasks created.");
    private static readonly Counter<long> TasksFinished = Meter.CreateCounter<long>("processengine.tasks.finished", "{task}",
        "User tasks completed or cancelled, by status.");
    private static readonly Counter<long> Incidents = Meter.CreateCounter<long>("processengine.incidents", "{incident}",
        "Incidents raised (state=raised) and resolved (state=resolved).");

    /// <summary>A pass committed at <paramref name="now"/>: what it journaled, created, finished and fired, and how long its commit took.</summary>
    internal static void PassCommitted(WorkflowChanges changes, TimeSpan commitDuration, DateTimeOffset now)
    {
        Passes.Add(1);
        CommitDuration.Record(commitDuration.TotalSeconds);
        foreach (var entry in changes.JournalAdded)
            Steps.Add(1, new KeyValuePair<string, object?>("type", entry.ActivityType), new KeyValuePair<string, object?>("event", entry.Event.ToString()));
        foreach (var fired in changes.Notifications.OfType<TimerFired>())
        {
            TimersFired.Add(1);
            TimerLag.Record(Math.Max(0, (now - fired.DueAt).TotalSeconds));
        }
        if (changes.TasksAdded.Count > 0) TasksCreated.Add(changes.TasksAdded.Count);
        foreach (var (task, _) in changes.TasksUpdated)
            if (task.Status is UserTaskStatus.Completed or UserTaskStatus.Cancelled)
                TasksFinished.Add(1, new KeyValuePair<string, object?>("status", task.Status.ToString()));
        if (changes.IncidentsAdded.Count > 0) Incidents.Add(changes.IncidentsAdded.Count, new KeyValuePair<string, object?>("state", "raised"));
        if (changes.IncidentsResolved.Count > 0) Incidents.Add(changes.IncidentsResolved.Count, new KeyValuePair<string, object?>("state", "resolved"));
    }
}
