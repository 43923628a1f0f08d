using Hangfire;

namespace ProcessEngine.Host.Prompts;

public static class DispatchTrigger
{
    /// <summary>
    /// Asks Hangfire to run the dispatcher now rather than at its next minute. Only a wake-up: the rows are
    /// already stored, so if Hangfire cannot take the job the recurring dispatch sends them.
    /// </summary>
    public static void DispatchSoon(this IBackgroundJobClient jobs, ILogger logger)
    {
        try
        {
            jobs.Enqueue<OutboxDispatcher>(dispatcher => dispatcher.RunAsync(CancellationToken.None));
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not wake the e-mail dispatcher; the recurring dispatch sends the prompts");
        }
    }
}
