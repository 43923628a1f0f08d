using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>A message as the SMTP server received it: envelope and the parsed content.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, MimeMessage Message)
{
    public string Subject => Message.Subject ?? "";
    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// A real SMTP server on 127.0.0.1 for the tests, speaking as much of RFC 5321 as MailKit needs: greeting,
/// EHLO/HELO (no extensions), MAIL, RCPT, DATA with dot-unstuffing, RSET, NOOP, QUIT. It keeps what it
/// received. <see cref="Stop"/> closes the port (connections are refused, as in an outage) and
/// <see cref="Restart"/> opens the same port again.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedMail> _received = [];
    private readonly List<TcpClient> _clients = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;
    private Task? _accepting;

    private LoopbackSmtpServer() { }

    /// <summary>The port the operating system chose at the first start; kept across restarts.</summary>
    public int Port { get; private set; }

    public IReadOnlyList<ReceivedMail> Received
    {
        get { lock (_gate) return [.. _received]; }
    }

    /// <summary>Forgets what was received so far.</summary>
    public void Clear()
    {
        lock (_gate) _received.Clear();
    }

    public static LoopbackSmtpServer Start()
    {
        var server = new LoopbackSmtpServer();
        server.Listen(0);
        return server;
    }

    /// <summary>Closes the port and every open session: an SMTP outage.</summary>
    public async Task StopAsync()
    {
        if (_listener is null) return;
        await _stopping!.CancelAsync();
        _listener.Stop();
        lock (_gate)
        {
            foreach (var client in _clients) client.Dispose();
            _clients.Clear();
        }
        try { await _accepting!; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _listener = null;
    }

    /// <summary>Listens again on the same port: the outage is over.</summary>
    public void Restart()
    {
        if (_listener is not null) throw new InvalidOperationException("The server is already running.");
        Listen(Port);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        // The same port again right after a stop, whatever connections are still winding down.
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _listener = listener;
        _stopping = new CancellationTokenSource();
        _accepting = AcceptAsync(listener, _stopping.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping);
            lock (_gate) _clients.Add(client);
            _ = ServeAsync(client, stopping);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                // Latin-1 maps every byte to one char, so the message text reaches MimeKit unchanged.
                using var reader = new StreamReader(stream, Encoding.Latin1);
                await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await new SmtpSession(reader, writer, Keep).RunAsync(stopping);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The client went away or the server was stopped mid-session.
        }
        finally
        {
            lock (_gate) _clients.Remove(client);
        }
    }

    private void Keep(ReceivedMail mail)
    {
        lock (_gate) _received.Add(mail);
    }

    /// <summary>One connection's conversation.</summary>
    private sealed class SmtpSession(StreamReader reader, StreamWriter writer, Action<ReceivedMail> keep)
    {
        private string? _from;
        private readonly List<string> _to = [];

        public async Task RunAsync(CancellationToken stopping)
        {
            await writer.WriteLineAsync("220 127.0.0.1 ProcessEngine test SMTP ready");
            while (await reader.ReadLineAsync(stopping) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-127.0.0.1 greets you");
                        await writer.WriteLineAsync("250 HELP");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 127.0.0.1");
                        break;
                    case "MAIL":
                        _from = Address(line);
                        _to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Ok");
                        break;
                    case "RCPT":
                        _to.Add(Address(line));
                        await writer.WriteLineAsync("250 2.1.5 Ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = await ReadDataAsync(stopping);
                        keep(new ReceivedMail(_from ?? "", [.. _to], MimeMessage.Load(new MemoryStream(Encoding.Latin1.GetBytes(data)))));
                        _from = null;
                        _to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                        break;
                    case "RSET":
                        _from = null;
                        _to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 Ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }

        private async Task<string> ReadDataAsync(CancellationToken stopping)
        {
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(stopping) is { } line && line != ".")
                data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            return data.ToString();
        }

        /// <summary>The address in "MAIL FROM:&lt;a@b&gt;" or "RCPT TO:&lt;a@b&gt;".</summary>
        private static string Address(string line)
        {
            var start = line.IndexOf('<');
            var end = line.IndexOf('>', start + 1);
            return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
        }
    }
}
