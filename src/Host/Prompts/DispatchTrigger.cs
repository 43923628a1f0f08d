using Hangfire;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Wakes the e-mail dispatcher when new prompt rows are committed, once for all rows that arrive before it runs. The
/// dispatcher reads every due row when it starts, so one wake-up on its way covers every row committed before that
/// start; waking it again for each new task cost a Hangfire job each (enqueue, fetch, three state changes), which under
/// load was a quarter of the host's processor time for jobs that found one row each.
/// </summary>
public sealed class DispatchTrigger(IBackgroundJobClient jobs, TimeProvider clock, ILogger<DispatchTrigger> logger)
{
    /// <summary>
    /// A wake-up not seen to start within this time is asked again: on several nodes another node's worker may have
    /// taken the job (it clears its own mark, not this one's), and a job can be lost with a node.
    /// </summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromSeconds(5);

    // The moment (UTC ticks) of the wake-up on its way; 0 when none is.
    private long _askedAt;

    /// <summary>
    /// Asks Hangfire to run the dispatcher now rather than at its next minute, unless a wake-up is already on its way.
    /// Only a wake-up: the rows are already stored, so if Hangfire cannot take the job the recurring dispatch sends them.
    /// </summary>
    public void DispatchSoon()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var asked = Interlocked.Read(ref _askedAt);
        if (asked != 0 && now - asked < AskAgainAfter.Ticks) return;
        if (Interlocked.CompareExchange(ref _askedAt, now, asked) != asked) return; // another thread asked just now
        try
        {
            jobs.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            Interlocked.Exchange(ref _askedAt, 0);
            logger.LogWarning(ex, "Could not wake the e-mail dispatcher; the recurring dispatch sends the prompts");
        }
    }

    /// <summary>
    /// The dispatcher starts on this node and is about to read the due rows: a row committed from now on is not sure to be
    /// among them, so its commit asks again.
    /// </summary>
    public void Starting() => Interlocked.Exchange(ref _askedAt, 0);
}
