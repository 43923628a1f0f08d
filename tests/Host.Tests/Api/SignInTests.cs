using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

public sealed class SignInTests : IClassFixture<ApiHost>
{
    private readonly ApiHost _host;

    public SignInTests(ApiHost host) => _host = host;

    [Fact]
    public async Task Login_GivesABearerToken_ThatShowsWhoIAm()
    {
        using var client = await _host.AsAsync("raad");

        var me = await (await client.GetAsync("/api/auth/me")).ReadJsonAsync();

        Assert.Equal("raad", me.GetProperty("userName").GetString());
        Assert.Equal(["Professional"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("RvdK", me.GetProperty("groups").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Login_WithCookies_SignsTheBrowserIn()
    {
        var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName = "prof2", password = ApiHost.Password, useCookies = true });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("prof2", (await (await client.GetAsync("/api/auth/me")).ReadJsonAsync()).GetProperty("userName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Login_RefusesAWrongPasswordWithOneMessage_AuditsIt_AndLocksOutAfterFive()
    {
        using var client = _host.Anonymous();
        var log = _host.Service<AuditLog>();

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "manager", password = "fout-wachtwoord" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { userName = "bestaat-niet", password = "fout-wachtwoord" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrong.StatusCode, unknown.StatusCode));
        Assert.Equal((await wrong.ReadJsonAsync()).GetProperty("detail").GetString(), (await unknown.ReadJsonAsync()).GetProperty("detail").GetString());
        var refused = await log.SearchAsync(new AuditQuery(UserId: "manager", EventCode: "auth.signin"));
        Assert.Equal(AuditOutcome.Refused, Assert.Single(refused).Outcome);

        for (var i = 0; i < 4; i++) await client.PostAsJsonAsync("/api/auth/login", new { userName = "manager", password = "fout-wachtwoord" });
        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "manager", password = ApiHost.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("geblokkeerd", (await locked.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_NamesTheMissingFields()
    {
        using var client = _host.Anonymous();

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userName", out _) && errors.TryGetProperty("password", out _));
    }

    [Fact]
    public async Task Production_StartsWithTheConfiguredAdmin_AndNoDemoAccounts()
    {
        await using var production = new HostFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string>
            {
                ["Accounts:AdminUserName"] = "regiobeheer",
                ["Accounts:AdminPassword"] = "Een-lang-productiewachtwoord-1",
            },
        };
        using var client = production.CreateClient();

        var admin = await client.PostAsJsonAsync("/api/auth/login", new { userName = "regiobeheer", password = "Een-lang-productiewachtwoord-1" });
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "prof1", password = ApiHost.Password });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (admin.StatusCode, demo.StatusCode));
    }
}
