using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attacks on sessions: a session kept after signing out elsewhere (a shared computer, a copied token), one that
/// outlives a lockout, one left open on an unattended screen, one that lasts for days, and a cookie that travels
/// without TLS.
/// </summary>
public sealed class SessionTests
{
    private static readonly Dictionary<string, string> CheckEveryRequest = new() { ["Sessions:CheckInterval"] = "00:00:00" };

    [Fact]
    public async Task SigningOut_EndsEveryOtherSessionOfTheAccount_CookiesAndTokens()
    {
        await using var host = new HostFactory { Settings = CheckEveryRequest };
        using var office = host.CreateClient();
        using var home = host.CreateClient();
        using var script = host.CreateClient();
        using var colleague = host.CreateClient();
        await CookieSignInAsync(office, "prof1");
        await CookieSignInAsync(home, "prof1");
        await CookieSignInAsync(colleague, "prof2");
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(script, "prof1"));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await office.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await home.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await office.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task LockingAnAccountOut_EndsItsOpenSessions()
    {
        await using var host = new HostFactory { Settings = CheckEveryRequest };
        using var client = host.CreateClient();
        await CookieSignInAsync(client, "prof2");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("prof2"))!, DateTimeOffset.MaxValue);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task ASession_EndsAfterHalfAnHourIdle_AndAfterAWorkingDayHoweverBusy()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.Zero));
        await using var host = new HostFactory { Clock = clock };
        using var idle = host.CreateClient();
        await CookieSignInAsync(idle, "prof1");
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/api/auth/me")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idle.GetAsync("/api/auth/me")).StatusCode);

        using var busy = host.CreateClient();
        await CookieSignInAsync(busy, "prof1");
        // A call every quarter of an hour, up to and including ten hours after the sign-in; a quarter later it has ended.
        for (var worked = TimeSpan.Zero; worked <= TimeSpan.FromHours(10); worked += TimeSpan.FromMinutes(15))
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/auth/me")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(15));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await busy.GetAsync("/api/auth/me")).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_TheSessionCookie_IsSecureHttpOnlyAndStrict()
    {
        await using var host = new HostFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string>
            {
                ["Accounts:AdminUserName"] = "regiobeheer", ["Accounts:AdminPassword"] = "Een-lang-productiewachtwoord-1",
            },
        };
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        var response = await client.PostAsJsonAsync("/api/auth/login",
            new { userName = "regiobeheer", password = "Een-lang-productiewachtwoord-1", useCookies = true });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ProcessEngine.Auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task CookieSignInAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Api.ApiHost.Password, useCookies = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> TokenAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Api.ApiHost.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }
}
