using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// Sends checkpoints to the syslog server of Audit:Checkpoints:Syslog, one RFC 5424 message each. A checkpoint comes
/// every few minutes at most, so each is sent on a connection (or socket) of its own: nothing stays open to go stale
/// between them, and a server restarted in between is simply reached again.
/// </summary>
public sealed partial class AuditCheckpointSyslog(IOptions<AuditOptions> options, ILogger<AuditCheckpointSyslog> logger)
{
    /// <summary>How long one send may take; a server that does not answer must not hold the checkpoint writer.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>The configured server, or null when checkpoints go to no syslog server (the setting was checked at start).</summary>
    public SyslogEndpoint? Endpoint => options.Value.Checkpoints.Syslog is { } text && !string.IsNullOrWhiteSpace(text)
        ? SyslogEndpoint.Parse(text, out _) : null;

    /// <summary>
    /// Whether the checkpoint was handed to the server. An unreachable or refusing server is logged as a warning naming
    /// it, not thrown: the checkpoint file (when set) still gets the checkpoint, and the periodic writer keeps going and
    /// sends the next one. Over UDP "handed" means only that the datagram left: UDP tells of no loss, which is why
    /// TCP is the better choice for a server that must hold every checkpoint.
    /// </summary>
    public async Task<bool> SendAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        if (Endpoint is not { } endpoint) return false;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(Patience);
        try
        {
            if (endpoint.Transport == SyslogTransport.Tcp) await SendTcpAsync(endpoint, checkpoint, patience.Token);
            else await SendUdpAsync(endpoint, checkpoint, patience.Token);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or IOException || ex is OperationCanceledException && !ct.IsCancellationRequested)
        {
            LogFailed(logger, checkpoint.Sequence, endpoint.ToString(), ex);
            return false;
        }
    }

    private static async Task SendTcpAsync(SyslogEndpoint endpoint, AuditCheckpoint checkpoint, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync(SyslogMessage.Frame(checkpoint), ct);
        await stream.FlushAsync(ct);
        // Say we are done before closing, so the server reads the whole frame rather than a reset.
        client.Client.Shutdown(SocketShutdown.Send);
    }

    private static async Task SendUdpAsync(SyslogEndpoint endpoint, AuditCheckpoint checkpoint, CancellationToken ct)
    {
        var address = (await Dns.GetHostAddressesAsync(endpoint.Host, ct)).FirstOrDefault()
            ?? throw new SocketException((int)SocketError.HostNotFound);
        using var udp = new UdpClient(address.AddressFamily);
        await udp.SendAsync(SyslogMessage.Datagram(checkpoint), new IPEndPoint(address, endpoint.Port), ct);
    }

    [LoggerMessage(LogLevel.Warning, "Sending audit checkpoint {Sequence} to syslog {Endpoint} failed; the checkpoint file (if set) has it, and the next interval sends again.")]
    private static partial void LogFailed(ILogger logger, long sequence, string endpoint, Exception exception);
}
