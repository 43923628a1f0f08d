using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using ProcessEngine.Data;

namespace ProcessEngine.Host.Live;

/// <summary>
/// This node's ear on PostgreSQL: one dedicated connection that LISTENs to <see cref="PostgreSqlTaskChangeBus.Channel"/>
/// and hands every change, from any node, to this node's hub and screens. PostgreSQL keeps no notifications
/// for a session that is gone, so when the connection drops (a server restart, a terminated backend) the
/// listener reconnects with backoff and then tells every screen here to resync.
/// </summary>
public sealed class TaskChangeListener(DatabaseConnection database, TaskChangeDelivery delivery, ILogger<TaskChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500), LastRetry = TimeSpan.FromSeconds(10);

    /// <summary>How long a quiet wait lasts before a probe checks that the connection still answers.</summary>
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(30);

    // Received changes wait here, so a slow hub never holds up reading the connection.
    private readonly Channel<TaskChangeMessage> _received = Channel.CreateUnbounded<TaskChangeMessage>(new() { SingleReader = true });
    private TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once LISTEN is in place (again, after a reconnect): what is committed from then on is heard.</summary>
    public Task Listening => Volatile.Read(ref _listening).Task;

    /// <summary>The PostgreSQL backend of the listening connection, 0 while there is none (for operators' queries and tests).</summary>
    public int BackendProcessId { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), DeliverAsync(stoppingToken));

    private async Task ListenAsync(CancellationToken ct)
    {
        var retry = FirstRetry;
        var reconnecting = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await ConnectAsync(ct);
                if (reconnecting)
                {
                    logger.LogInformation("Listening for task changes again; the screens on this node resync");
                    _received.Writer.TryWrite(TaskChangeMessage.Resync);
                }
                (retry, reconnecting) = (FirstRetry, true);
                while (true)
                    if (!await connection.WaitAsync(Probe, ct)) await ProbeAsync(connection, ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever broke the connection, the node keeps running (an unhandled exception here would stop
                // the host) and keeps trying: live updates are a courtesy, the screens still work without them.
                BackendProcessId = 0;
                if (Listening.IsCompleted) Volatile.Write(ref _listening, new(TaskCreationOptions.RunContinuationsAsynchronously));
                logger.LogWarning(ex, "Lost the database listener for live task changes; trying again in {Retry}", retry);
                try { await Task.Delay(retry, ct); } catch (OperationCanceledException) { break; }
                (retry, reconnecting) = (TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks)), true);
            }
        }
        _received.Writer.TryComplete();
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken ct)
    {
        // Outside the pool: this connection lives as long as the node, and a broken one must not go back to the pool.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, ApplicationName = "ProcessEngine live" };
        var connection = new NpgsqlConnection(settings.ToString());
        try
        {
            await connection.OpenAsync(ct);
            connection.Notification += (_, e) => Receive(e.Payload);
            await using (var listen = new NpgsqlCommand($"LISTEN {PostgreSqlTaskChangeBus.Channel}", connection))
                await listen.ExecuteNonQueryAsync(ct);
            BackendProcessId = connection.ProcessID;
            Volatile.Read(ref _listening).TrySetResult();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A half-open TCP connection would wait for ever: a quiet spell ends with a statement that must answer.</summary>
    private static async Task ProbeAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var probe = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 10 };
        await probe.ExecuteScalarAsync(ct);
    }

    private void Receive(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<TaskChangeMessage>(payload, PostgreSqlTaskChangeBus.Json) is { } message)
                _received.Writer.TryWrite(message);
        }
        catch (JsonException ex)
        {
            // Another program on the channel, or a node of another version: not ours to act on.
            logger.LogWarning(ex, "Ignored a notification on {Channel} that is no task change", PostgreSqlTaskChangeBus.Channel);
        }
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var message in _received.Reader.ReadAllAsync(ct))
                await delivery.DeliverAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The node stops.
        }
    }
}
