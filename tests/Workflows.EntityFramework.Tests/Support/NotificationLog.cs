using System.Collections.Concurrent;
using Mediator;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Support;

/// <summary>Records every engine notification the real Mediator pipeline delivers, for assertions.</summary>
public sealed class NotificationLog
{
    private readonly ConcurrentQueue<INotification> _all = new();

    /// <summary>When set, the handler throws for task notifications with this title (to prove a failing handler changes nothing).</summary>
    public string? FailOnTaskTitle { get; set; }

    public IReadOnlyList<INotification> All => [.. _all];
    public IReadOnlyList<T> Of<T>() => [.. _all.OfType<T>()];

    internal void Record(INotification notification)
    {
        _all.Enqueue(notification);
        if (notification is TaskCreated created && created.Title == FailOnTaskTitle)
            throw new InvalidOperationException("handler failure requested by the test");
    }
}

public sealed class NotificationRecorder(NotificationLog log) :
    INotificationHandler<InstanceStarted>, INotificationHandler<InstanceFinished>, INotificationHandler<InstanceFaulted>,
    INotificationHandler<TaskCreated>, INotificationHandler<TaskCompleted>, INotificationHandler<TimerFired>,
    INotificationHandler<SignalReceived>, INotificationHandler<TaskAssigned>
{
    public ValueTask Handle(InstanceStarted n, CancellationToken ct) => Record(n);
    public ValueTask Handle(InstanceFinished n, CancellationToken ct) => Record(n);
    public ValueTask Handle(InstanceFaulted n, CancellationToken ct) => Record(n);
    public ValueTask Handle(TaskCreated n, CancellationToken ct) => Record(n);
    public ValueTask Handle(TaskCompleted n, CancellationToken ct) => Record(n);
    public ValueTask Handle(TimerFired n, CancellationToken ct) => Record(n);
    public ValueTask Handle(SignalReceived n, CancellationToken ct) => Record(n);
    public ValueTask Handle(TaskAssigned n, CancellationToken ct) => Record(n);

    private ValueTask Record(INotification notification)
    {
        log.Record(notification);
        return ValueTask.CompletedTask;
    }
}
