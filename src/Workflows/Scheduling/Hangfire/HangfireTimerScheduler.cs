using Hangfire;

namespace ProcessEngine.Workflows.Scheduling.Hangfire;

/// <summary>Schedules a Hangfire job per timer that carries only the timer id (DESIGN section 10).</summary>
public sealed class HangfireTimerScheduler(IBackgroundJobClient jobs) : ITimerScheduler
{
    public void Schedule(Guid timerId, DateTimeOffset dueAt) =>
        jobs.Schedule<TimerJob>(job => job.FireAsync(timerId, CancellationToken.None), dueAt);
}
