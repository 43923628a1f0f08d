using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>
/// Writes a proefrit's timeline from what each commit of the in-memory engine changed, in the order it happened:
/// the journal says which activity ran and how, the tasks and bookmarks of the same commit add titles and due
/// moments. Only what a coordinator reasons about is kept (tasks, timers, signals, decisions, subflows, the end);
/// variable assignments and joins are the flow's bookkeeping.
/// </summary>
public sealed class TestDriveTimeline(TimeProvider clock, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> titles)
{
    private readonly List<TestDriveEvent> _events = [];
    private readonly Dictionary<Guid, (string FlowId, bool InSubflow)> _instances = [];
    private readonly HashSet<Guid> _ended = [];

    public IReadOnlyList<TestDriveEvent> Events => _events;

    public void Record(WorkflowChanges changes)
    {
        var now = clock.GetUtcNow();
        // The first instance is the flow under test; later ones are its subflows and the flows it starts. Each start is
        // written just before the instance's first step, so it follows the parent's step that started it.
        var starting = new List<Guid>();
        foreach (var instance in changes.Created)
        {
            _instances[instance.Id] = (instance.DefinitionId, _instances.Count > 0);
            starting.Add(instance.Id);
        }
        var finished = changes.Created.Concat(changes.Updated.Select(u => u.Instance))
            .Where(i => !i.IsActive && i.Status != WorkflowStatus.Faulted && !_ended.Contains(i.Id)).ToDictionary(i => i.Id);
        var lastEntry = changes.JournalAdded.Select((entry, index) => (entry.InstanceId, index))
            .GroupBy(e => e.InstanceId).ToDictionary(g => g.Key, g => g.Max(e => e.index));
        for (var index = 0; index < changes.JournalAdded.Count; index++)
        {
            var entry = changes.JournalAdded[index];
            if (starting.Remove(entry.InstanceId)) AddStart(entry.InstanceId, now);
            if (Describe(entry, changes, now) is { } line) _events.Add(line);
            if (lastEntry[entry.InstanceId] == index && finished.Remove(entry.InstanceId, out var ended)) AddEnd(ended, now);
        }
        foreach (var id in starting) AddStart(id, now);
        foreach (var ended in finished.Values) AddEnd(ended, now);
    }

    private void AddStart(Guid instanceId, DateTimeOffset now)
    {
        var (flow, sub) = Flow(instanceId);
        _events.Add(new(now, TestDriveEventKind.Start, flow, sub, "", FlowTitle(flow)));
    }

    private void AddEnd(WorkflowInstance instance, DateTimeOffset now)
    {
        _ended.Add(instance.Id);
        var (flow, sub) = Flow(instance.Id);
        var how = instance.Status == WorkflowStatus.Finished ? "afgerond" : "gestopt";
        _events.Add(new(now, TestDriveEventKind.Finished, flow, sub, "", FlowTitle(flow), Detail: how));
    }

    private TestDriveEvent? Describe(JournalEntry entry, WorkflowChanges changes, DateTimeOffset now)
    {
        var (flow, sub) = Flow(entry.InstanceId);
        var title = Title(flow, entry.ActivityId);
        TestDriveEvent Event(TestDriveEventKind kind, string text, DateTimeOffset? due = null, string? detail = null) =>
            new(now, kind, flow, sub, entry.ActivityId, text, due, detail);
        switch (entry.Event)
        {
            case JournalEvent.Suspended:
                var bookmark = changes.BookmarksAdded.LastOrDefault(b => b.InstanceId == entry.InstanceId && b.ActivityId == entry.ActivityId);
                return bookmark?.Kind switch
                {
                    BookmarkKind.Task when changes.TasksAdded.LastOrDefault(t => t.BookmarkId == bookmark.Id) is { } task =>
                        Event(TestDriveEventKind.TaskCreated, task.Title, task.DueAt, Holder(task)),
                    BookmarkKind.Timer => Event(TestDriveEventKind.TimerSet, title, bookmark.DueAt),
                    BookmarkKind.Signal => Event(TestDriveEventKind.WaitingForSignal, title, detail: bookmark.SignalName == title ? null : bookmark.SignalName),
                    _ => null,
                };
            case JournalEvent.Completed:
                return entry.ActivityType switch
                {
                    "HumanTask" => Event(TestDriveEventKind.TaskCompleted, CompletedTitle(entry, changes) ?? title, detail: entry.Outcome),
                    "Delay" => Event(TestDriveEventKind.TimerFired, title),
                    "WaitForSignal" => Event(TestDriveEventKind.SignalReceived, title),
                    "SendSignal" => Event(TestDriveEventKind.SignalSent, title,
                        detail: changes.SignalsSent.LastOrDefault(s => s.SenderInstanceId == entry.InstanceId)?.Name),
                    "Decision" => Event(TestDriveEventKind.Decision, title, detail: entry.Outcome),
                    _ => null,
                };
            case JournalEvent.Cancelled:
                return entry.ActivityType switch
                {
                    "HumanTask" => Event(TestDriveEventKind.TaskCancelled, title),
                    "Delay" => Event(TestDriveEventKind.TimerCancelled, title),
                    _ => null,
                };
            case JournalEvent.Held: return Event(TestDriveEventKind.Paused, title);
            case JournalEvent.Released: return Event(TestDriveEventKind.Resumed, title);
            case JournalEvent.Faulted: return Event(TestDriveEventKind.Fault, title, detail: entry.Message);
            default: return null;
        }
    }

    private static string? CompletedTitle(JournalEntry entry, WorkflowChanges changes) =>
        changes.TasksUpdated.Select(u => u.Task)
            .LastOrDefault(t => t.InstanceId == entry.InstanceId && t.ActivityId == entry.ActivityId && t.Status == UserTaskStatus.Completed)?.Title;

    private static string Holder(UserTask task) => task.Assignee is { } person ? "voor " + person : "voor groep " + (task.CandidateGroup ?? "-");

    private (string FlowId, bool InSubflow) Flow(Guid instanceId) => _instances.GetValueOrDefault(instanceId, ("?", true));

    private string FlowTitle(string flowId) => titles.TryGetValue(flowId, out var names) && names.TryGetValue("", out var name) ? name : flowId;

    private string Title(string flowId, string activityId) =>
        titles.TryGetValue(flowId, out var names) && names.TryGetValue(activityId, out var name) ? name : activityId;
}
