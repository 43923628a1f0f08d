using System.Net;
using System.Net.Http.Json;

namespace ProcessEngine.Reliability;

/// <summary>
/// A person signed in through the real API (POST /api/auth/login with a cookie), on one node. Every call
/// of this user goes out with that cookie, as the browser's would.
/// </summary>
public sealed class ApiUser : IDisposable
{
    /// <summary>The demo accounts' password (Accounts:DemoPassword) outside Production.</summary>
    public const string DemoPassword = "Demo-wachtwoord-2026";

    private ApiUser(string userName, HttpClient http)
    {
        UserName = userName;
        Http = http;
    }

    public string UserName { get; }
    public HttpClient Http { get; }

    /// <summary>A client without a cookie: what an anonymous caller sends.</summary>
    public static HttpClient Anonymous(HostProcess node) => NewClient(node, new CookieContainer());

    public static async Task<ApiUser> SignInAsync(HostProcess node, string userName, string password = DemoPassword)
    {
        var http = NewClient(node, new CookieContainer());
        using var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password, useCookies = true });
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            http.Dispose();
            throw new InvalidOperationException($"{userName} could not sign in on {node.Name}: {(int)response.StatusCode} {body}");
        }
        return new ApiUser(userName, http);
    }

    public void Dispose() => Http.Dispose();

    private static HttpClient NewClient(HostProcess node, CookieContainer cookies) =>
        new(new SocketsHttpHandler { CookieContainer = cookies, UseCookies = true, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = node.Address,
            Timeout = TimeSpan.FromSeconds(120),
        };
}
