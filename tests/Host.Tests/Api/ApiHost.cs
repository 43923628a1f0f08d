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

    public HostFactory Factory { get; } = new();
    public static string Password => new AccountOptions().DemoPassword;

    public T Service<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public HttpClient Anonymous() => Factory.CreateClient();

    public async Task<HttpClient> AsAsync(string userName)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userName));
        return client;
    }

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
