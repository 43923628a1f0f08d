using ProcessEngine.Host.Live;

namespace ProcessEngine.Host.Components.Work;

/// <summary>
/// A task changed: who holds it or which group it is offered to (when the notification says), and its casus.
/// <paramref name="Resync"/>: changes may have been missed (no task id); a screen re-reads all it shows.
/// </summary>
public sealed record TaskChange(Guid TaskId, string? CasusCode, string? Assignee, string? CandidateGroup, bool Resync = false);

/// <summary>
/// Live task changes for the Blazor screens of this host. A screen runs on the server (a circuit), so it
/// hears task changes from the bus (<see cref="ITaskChangeBus"/>) instead of connecting to the SignalR hub as
/// a client; the hub (/hubs/tasks) stays for other clients. Like the hub's pushes this is a courtesy without
/// content: a screen refetches through the application layer what the person may see. The bus brings every
/// node's commits: in-process on SQLite, through PostgreSQL's LISTEN/NOTIFY on several nodes.
/// </summary>
public sealed class TaskEvents
{
    private readonly Lock _lock = new();
    private readonly List<Action<TaskChange>> _listeners = [];

    /// <summary>Calls <paramref name="listener"/> for every change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<TaskChange> listener)
    {
        lock (_lock) _listeners.Add(listener);
        return new Subscription(this, listener);
    }

    internal void Publish(TaskChange change)
    {
        Action<TaskChange>[] listeners;
        lock (_lock) listeners = [.. _listeners];
        // A listener hands the change to its own circuit (InvokeAsync) and returns at once.
        foreach (var listener in listeners) listener(change);
    }

    private void Remove(Action<TaskChange> listener)
    {
        lock (_lock) _listeners.Remove(listener);
    }

    private sealed class Subscription(TaskEvents events, Action<TaskChange> listener) : IDisposable
    {
        public void Dispose() => events.Remove(listener);
    }
}

/// <summary>Feeds <see cref="TaskEvents"/> from the bus, so this node's screens hear every node's changes.</summary>
public sealed class TaskEventsRelay(TaskEvents events) : ITaskChangeSubscriber
{
    public Task DeliverAsync(TaskChangeMessage message, CancellationToken ct)
    {
        events.Publish(new TaskChange(message.TaskId, message.CasusCode, message.Assignee, message.CandidateGroup, message.IsResync));
        return Task.CompletedTask;
    }
}
