using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Auditing;

/// <summary>
/// Writes the audit log's signed checkpoint outside the database (the file, the syslog server) every
/// Audit:Checkpoints:Interval, and once more on a clean stop, so that at most one interval of lines can be cut from
/// the end unseen.
/// </summary>
public sealed partial class AuditCheckpointService(AuditCheckpointWriter writer, IOptions<AuditOptions> options, TimeProvider clock,
    ILogger<AuditCheckpointService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!writer.Enabled)
        {
            LogOff(logger);
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Checkpoints.Interval, clock);
        try
        {
            do await WriteAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            if (writer.Enabled) await WriteAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            // A test server disposes the services before it stops the hosted ones; a real host stops them first.
        }
    }

    private async Task WriteAsync(CancellationToken ct)
    {
        try
        {
            await writer.WriteAsync(ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // A missed checkpoint narrows nothing that the next one does not restore; keep the host serving.
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Audit checkpoints are off (Audit:Checkpoints:Path and Audit:Checkpoints:Syslog are empty): a log cut short at its end cannot be detected.")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(LogLevel.Error, "Writing the audit checkpoint failed; the next interval tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
