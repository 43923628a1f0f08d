using Mediator;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>A simulation's time: it stands still while the engine works and jumps when the simulation moves it.</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>A simulated run prompts nobody: its notifications go nowhere.</summary>
public sealed class SilentPublisher : IPublisher
{
    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => ValueTask.CompletedTask;

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>A simulation fires due timers itself as it moves its clock past them; nothing needs waking.</summary>
public sealed class ClockDrivenTimers : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt) { }
}
