using ProcessEngine.Data;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>The real host over HTTP with its demo accounts; signs in as any of them through the API and keeps the token.</summary>
public sealed class ApiHost : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();

    public ApiHost() : this(new HostFactory()) { }

    private ApiHost(HostFactory factory) => Factory = factory;

    /// <summary>A host whose engine, domain and reports run on <paramref name="clock"/> (Hangfire's server is left out: it would fire timers on the wall clock).</summary>
    public static ApiHost WithClock(Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) => new(new HostFactory { Clock = clock });

    /// <summary>A host on the given database and clock, without Hangfire's server (the test drives background jobs itself).</summary>
    public static ApiHost On(ProcessEngine.Data.DatabaseConnection database, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock) =>
        new(new HostFactory { Database = database, Clock = clock });

    /// <summary>A host on the given database (a second one on the same database is a second node).</summary>
    public static ApiHost On(ProcessEngine.Data.DatabaseConnection database) => new(new HostFactory { Database = database });

    /// <summary>A host exactly as the test's factory describes it (its own file, settings, clock).</summary>
    public static ApiHost Of(HostFactory factory) => new(factory);

    /// <summary>A host with configuration of the test's on top of its own.</summary>
    public static ApiHost With(IReadOnlyDictionary<string, string> settings) => new(new HostFactory { Settings = settings });

    public HostFactory Factory { get; }
    public static string Password => new AccountOptions().DemoPassword;

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public HttpClient Anonymous() => Factory.CreateClient();

    public async Task<HttpClient> AsAsync(string userName)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

    /// <summary>After the clock moved past the tokens' lifetime, everyone signs in again.</summary>
    public void ForgetTokens() => _tokens.Clear();

    public async Task<string> TokenAsync(string userName)
    {
        if (_tokens.TryGetValue(userName, out var token)) return token;
        using var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return _tokens[userName] = body.RootElement.GetProperty("accessToken").GetString()!;
    }

    public Task InitializeAsync()
    {
        _ = Factory.Server; // start the host (migrations, shipped flows, demo accounts) before the test
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public static class Json
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }
}
