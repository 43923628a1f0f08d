using System.Collections.Concurrent;
using System.Net;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>
/// The API world (two casus of prof1: one on the RVT table with prof1's preparation task, one waiting for the
/// chair's triage) seen through the UI, with one signed-in browser per demo account.
/// </summary>
public sealed class UiWorld : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, UiSession> _sessions = new();

    public ApiWorld Api { get; } = new();
    public ApiHost Host => Api.Host;

    /// <summary>A browser signed in through the sign-in form as <paramref name="userName"/>, kept for the class.</summary>
    public async Task<UiSession> AsAsync(string userName)
    {
        if (_sessions.TryGetValue(userName, out var session)) return session;
        session = new UiSession(Host.Factory);
        var signedIn = await session.SignInAsync(userName, ApiHost.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.Status);
        return _sessions[userName] = session;
    }

    public Task InitializeAsync() => Api.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await Api.DisposeAsync();
    }
}
