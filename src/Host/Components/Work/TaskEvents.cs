using Mediator;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Host.Components.Work;

/// <summary>A task changed: who holds it or which group it is offered to (when the notification says), and its casus.</summary>
public sealed record TaskChange(Guid TaskId, string? CasusCode, string? Assignee, string? CandidateGroup);

/// <summary>
/// Live task changes for the Blazor screens of this host. A screen runs on the server (a circuit), so it
/// hears the engine's notifications directly instead of connecting to the SignalR hub as a client; the hub
/// (/hubs/tasks) stays for other clients. Like the hub's pushes this is a courtesy without content: a screen
/// refetches through the application layer what the person may see. Only this node's commits are heard;
/// several nodes would need a backplane for this and the hub alike.
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

/// <summary>Feeds <see cref="TaskEvents"/> from the engine's task notifications (published after commit).</summary>
public sealed class TaskEventsRelay(TaskEvents events) :
    INotificationHandler<TaskCreated>, INotificationHandler<TaskAssigned>, INotificationHandler<TaskCompleted>
{
    public ValueTask Handle(TaskCreated n, CancellationToken ct) => Publish(new(n.TaskId, n.CorrelationId, n.Assignee, n.CandidateGroup));

    public ValueTask Handle(TaskAssigned n, CancellationToken ct) => Publish(new(n.TaskId, n.CorrelationId, n.Assignee, n.CandidateGroup));

    public ValueTask Handle(TaskCompleted n, CancellationToken ct) => Publish(new(n.TaskId, n.CorrelationId, null, null));

    private ValueTask Publish(TaskChange change)
    {
        events.Publish(change);
        return ValueTask.CompletedTask;
    }
}
