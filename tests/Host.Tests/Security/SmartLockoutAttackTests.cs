using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using ProcessEngine.Host.Tests.Api;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: keeping the RVT chair out of their own account by typing five wrong passwords for it from somewhere else, every
/// quarter of an hour. The stranger's address is shut out; the chair, from the address they sign in from, is not, and the
/// session they have open goes on. Wrong passwords from the chair's own address still lock the account, as before.
/// </summary>
public sealed class SmartLockoutAttackTests
{
    private const string Desk = "198.51.100.7";
    private const string Stranger = "203.0.113.66";

    [Fact]
    public async Task Five_wrong_passwords_from_a_stranger_shut_out_the_stranger_not_the_chair_at_their_desk()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();
        var (first, session) = await SignInFromAsync(host, Desk, "voorzitter", ApiHost.Password);
        Assert.True(first == 200, session);

        var guesses = new List<int>();
        for (var i = 0; i < 5; i++) guesses.Add((await SignInFromAsync(host, Stranger, "voorzitter", $"Raden-{i}")).Status);
        var (strangerWithTheRightPassword, refusal) = await SignInFromAsync(host, Stranger, "voorzitter", ApiHost.Password);

        Assert.Equal(Enumerable.Repeat(401, 5), guesses);
        Assert.Equal(401, strangerWithTheRightPassword);
        Assert.Contains("geblokkeerd", refusal, StringComparison.Ordinal);
        Assert.Equal(200, (await SignInFromAsync(host, Desk, "voorzitter", ApiHost.Password)).Status);
        using var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            JsonDocument.Parse(session).RootElement.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        // From the desk itself five wrong passwords lock the account, the desk included: that lockout is the holder's own.
        for (var i = 0; i < 5; i++) await SignInFromAsync(host, Desk, "voorzitter", $"Vergeten-{i}");
        Assert.Equal(401, (await SignInFromAsync(host, Desk, "voorzitter", ApiHost.Password)).Status);
    }

    private static async Task<(int Status, string Body)> SignInFromAsync(ApiHost host, string address, string userName, string password)
    {
        var server = host.Factory.Server;
        using var client = new HttpClient(server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = server.BaseAddress,
        };
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
