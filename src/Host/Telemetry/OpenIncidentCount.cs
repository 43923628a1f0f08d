using ProcessEngine.HostStore.Diagnostics;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Telemetry;

/// <summary>
/// Keeps the open-incident gauge current: a gauge's callback must not wait on a database, so this counts every 30 s (one
/// indexed COUNT) and the gauge reports the last count. Runs only when telemetry is on.
/// </summary>
public sealed class OpenIncidentCount(IServiceScopeFactory scopes, ILogger<OpenIncidentCount> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                HostMetrics.OpenIncidents(await scope.ServiceProvider.GetRequiredService<IWorkflowMonitoring>().CountOpenIncidentsAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A busy or restarting database skips one count; the gauge keeps the last one.
                logger.LogWarning(ex, "Counting open incidents for the metrics failed; the gauge keeps its last value");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
