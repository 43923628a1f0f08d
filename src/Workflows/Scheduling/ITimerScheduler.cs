namespace ProcessEngine.Workflows.Scheduling;

/// <summary>
/// Wakes the engine when a timer bookmark is due. The durable timer record (the bookmark row) is the
/// source of truth; a scheduler only arranges a call to <see cref="Runtime.WorkflowRuntime.FireTimerAsync"/>
/// at about the due time, carrying nothing but the timer id. Losing a wake-up loses nothing: start-up
/// recovery and the periodic sweep fire every due timer anyway.
/// </summary>
public interface ITimerScheduler
{
    void Schedule(Guid timerId, DateTimeOffset dueAt);
}
