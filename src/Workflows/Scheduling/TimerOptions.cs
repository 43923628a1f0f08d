namespace ProcessEngine.Workflows.Scheduling;

public sealed class TimerOptions
{
    /// <summary>Cron expression of the sweep that fires due timers whose own job was lost; every minute by default.</summary>
    public string SweepCron { get; set; } = "* * * * *";
    /// <summary>How many pending timers start-up recovery reads per page when it schedules them again.</summary>
    public int RecoveryPageSize { get; set; } = 1000;
    /// <summary>
    /// Whether start-up schedules every pending timer's job again. Needed when Hangfire's storage is in
    /// memory (it forgot them); with durable storage (PostgreSQL) the jobs are still there, and every node's
    /// start would otherwise add a second job for each timer.
    /// </summary>
    public bool ReschedulePendingOnStart { get; set; } = true;
}
