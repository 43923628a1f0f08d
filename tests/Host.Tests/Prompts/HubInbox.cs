using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using ProcessEngine.Host.Prompts;

namespace ProcessEngine.Host.Tests.Prompts;

/// <summary>A SignalR client of /hubs/tasks on a test server, and the pushes it received, in order.</summary>
public sealed class HubInbox : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<TaskPush> _pushes = Channel.CreateUnbounded<TaskPush>();

    private HubInbox(HubConnection connection)
    {
        _connection = connection;
        connection.On<TaskPush>(nameof(ITaskClient.TaskChanged), push => _pushes.Writer.TryWrite(push));
    }

    /// <summary>Connected as the holder of <paramref name="token"/>.</summary>
    public static async Task<HubInbox> ConnectAsync(TestServer server, string token)
    {
        var inbox = new HubInbox(Connection(server, token));
        await inbox._connection.StartAsync();
        return inbox;
    }

    /// <summary>A client over the test server's handler; long polling, since the in-memory server has no WebSockets.</summary>
    public static HubConnection Connection(TestServer server, string? token) => new HubConnectionBuilder()
        .WithUrl(new Uri(server.BaseAddress, TaskHub.Path), options =>
        {
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            options.Transports = HttpTransportType.LongPolling;
            if (token is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(token);
        })
        .Build();

    public int Pending => _pushes.Reader.Count;

    /// <summary>The next push, or a failure naming the wait when none came in time (never a fixed sleep).</summary>
    public async Task<TaskPush> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await _pushes.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No push arrived within {within.TotalSeconds} s.");
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
