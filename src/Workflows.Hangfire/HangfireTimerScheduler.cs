using Hangfire;

using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Hangfire;

/// <summary>Schedules a Hangfire job per timer that carries only the timer id (DESIGN section 10).</summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt) =>
        jobs.Schedule<TimerJob>(job => job.FireAsync(timerId, CancellationToken.None), WakeAt(dueAt));

    /// <summary>
    /// The due moment rounded up to a whole second: Hangfire scores a scheduled job by its moment in whole
    /// seconds (rounded down), so a timer due at 10:00:00.4 could wake at 10:00:00, find itself not due and
    /// have to be scheduled again.
    /// </summary>
    public static DateTimeOffset WakeAt(DateTimeOffset dueAt)
    {
        var ticks = (dueAt.UtcTicks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond;
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
