using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// Checkpoints sent to a syslog server (Audit:Checkpoints:Syslog), received by real listeners on loopback: each is one
/// RFC 5424 message whose body is the signed JSON line the file gets, so the server's store can be verified as a
/// checkpoint file. A server that is down costs the file nothing.
/// </summary>
public sealed class AuditCheckpointSyslogTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task OverUdp_ACheckpointIsOneRfc5424Message_WhoseBodyIsTheFilesSignedLine()
    {
        using var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite, syslog: $"udp://127.0.0.1:{PortOf(server.Client)}");
        await store.AppendAsync(3);

        var written = await store.Checkpoints.WriteAsync();
        using var patience = new CancellationTokenSource(Patience);
        var datagram = await server.ReceiveAsync(patience.Token);

        Assert.NotNull(written);
        var body = AssertHeader(Encoding.UTF8.GetString(datagram.Buffer));
        Assert.Equal((await File.ReadAllTextAsync(store.CheckpointPath)).TrimEnd('\n'), body);
        var checkpoint = AuditCheckpoint.Parse(body);
        Assert.Equal(written, checkpoint);
        Assert.Equal(3, checkpoint!.Sequence);
        Assert.True(checkpoint.IsSignedBy(store.Keys));
    }

    [Fact]
    public async Task OverTcp_ACheckpointIsOctetCounted_AndTheServersStoreVerifiesAsACheckpointFile()
    {
        var server = new TcpListener(IPAddress.Loopback, 0);
        server.Start();
        try
        {
            // No file: the syslog server is the only target.
            await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite, checkpointPath: "",
                syslog: $"tcp://127.0.0.1:{PortOf(server.Server)}");
            await store.AppendAsync(2);

            var received = ReceiveFrameAsync(server);
            var written = await store.Checkpoints.WriteAsync();
            var body = AssertHeader(await received);

            var checkpoint = AuditCheckpoint.Parse(body);
            Assert.Equal(written, checkpoint);
            Assert.True(checkpoint!.IsSignedBy(store.Keys));
            Assert.Null(await store.Checkpoints.WriteAsync()); // the log did not move: nothing is sent
            var stored = Path.Combine(Path.GetTempPath(), "processengine-tests", $"syslog-{Guid.NewGuid():N}.log");
            Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
            await File.WriteAllTextAsync(stored, body + "\n"); // what a server keeping only the message writes
            try
            {
                var verification = await store.Verifier.VerifyAsync(stored, checkpoint.Database);
                Assert.Equal((true, 2L, 1), (verification.Intact, verification.LinesChecked, verification.CheckpointsChecked));
            }
            finally
            {
                File.Delete(stored);
            }
        }
        finally
        {
            server.Stop();
        }
    }

    [Fact]
    public async Task AnUnreachableTcpServer_IsAWarningNamingIt_AndTheFileStillGetsTheCheckpoint()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var endpoint = $"tcp://127.0.0.1:{PortOf(closed.Server)}";
        closed.Stop(); // nobody listens there now: connecting is refused
        await using var store = await AuditStore.CreateAsync(DatabaseProvider.Sqlite, syslog: endpoint);
        await store.AppendAsync(2);

        var written = await store.Checkpoints.WriteAsync();
        var again = await store.Checkpoints.WriteAsync(); // the server is tried again; the file gets no second line

        Assert.NotNull(written);
        Assert.Null(again);
        var filed = await new AuditCheckpointFile(Microsoft.Extensions.Options.Options.Create(
            new AuditOptions { Checkpoints = { Path = store.CheckpointPath } })).ReadAsync();
        Assert.Equal(written, Assert.Single(filed).Checkpoint);
        var warnings = store.Logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Contains($"Sending audit checkpoint 2 to syslog {endpoint} failed", w));
    }

    /// <summary>Checks the header field by field and returns the message (MSG).</summary>
    private static string AssertHeader(string message)
    {
        var fields = message.Split(' ', 8);
        Assert.Equal(8, fields.Length);
        Assert.Equal("<85>1", fields[0]); // PRI: authpriv (10) * 8 + notice (5); VERSION 1
        Assert.Equal("2026-12-05T09:00:00.000000Z", fields[1]); // the checkpoint's own time (AuditStore.Now)
        Assert.Equal(Environment.MachineName, fields[2]);
        Assert.Equal("processengine", fields[3]); // APP-NAME
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), fields[4]); // PROCID
        Assert.Equal("audit-checkpoint", fields[5]); // MSGID
        Assert.Equal("-", fields[6]); // no STRUCTURED-DATA
        return fields[7];
    }

    /// <summary>Accepts one connection and reads one RFC 6587 octet-counted frame: "LENGTH SP MESSAGE".</summary>
    private static async Task<string> ReceiveFrameAsync(TcpListener server)
    {
        using var patience = new CancellationTokenSource(Patience);
        using var client = await server.AcceptTcpClientAsync(patience.Token);
        using var all = new MemoryStream();
        await client.GetStream().CopyToAsync(all, patience.Token);
        var bytes = all.ToArray();
        var space = Array.IndexOf(bytes, (byte)' ');
        var length = int.Parse(Encoding.ASCII.GetString(bytes, 0, space), CultureInfo.InvariantCulture);
        Assert.Equal(bytes.Length - space - 1, length); // exactly one frame, counted in bytes
        return Encoding.UTF8.GetString(bytes, space + 1, length);
    }

    private static int PortOf(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;
}
