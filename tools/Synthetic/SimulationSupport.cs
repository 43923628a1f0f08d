using Mediator;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Synthetic;

/// <summary>The simulation's time: it jumps from one step of a traject to the next.</summary>
internal sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Synthetic history sends no prompts: the notifications of simulated steps go nowhere.</summary>
internal sealed class DiscardingPublisher : IPublisher
{
    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification => ValueTask.CompletedTask;

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}

/// <summary>The simulation fires due timers itself as its clock passes them; nothing needs waking.</summary>
internal sealed class SimulatedTimers : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt) { }
}
