using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attacks on short bearer tokens and their refresh: a copied access token used after its quarter of an hour, a refresh
/// token kept after signing out, one used to stretch a session past a working day, and a forged one.
/// </summary>
public sealed class TokenRefreshAttackTests
{
    [Fact]
    public async Task AToken_LastsAQuarterOfAnHour_TheRefreshTokenContinuesTheSession_UntilSignOut()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.Zero));
        await using var host = new HostFactory { Clock = clock };
        using var client = host.CreateClient();
        var (access, refresh) = await SignInAsync(client, "prof1");
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, access));

        clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(client, access));
        var renewed = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var body = await renewed.ReadJsonAsync();
        var newAccess = body.GetProperty("accessToken").GetString()!;
        Assert.Equal(900, body.GetProperty("expiresIn").GetInt32());
        Assert.Equal(HttpStatusCode.OK, await MeAsync(client, newAccess));

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout");
        signOut.Headers.Authorization = new AuthenticationHeaderValue("Bearer", newAccess);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(signOut)).StatusCode);

        // Signing out renewed the account's stamp: the refresh token of before is worth nothing now.
        var after = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        var refused = await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.refresh"));
        Assert.Equal(("prof1", AuditOutcome.Refused, "sessie beëindigd"), (refused.Single().UserId, refused.Single().Outcome, refused.Single().Detail));
    }

    [Fact]
    public async Task RefreshingEveryQuarter_DoesNotStretchTheSession_PastAWorkingDay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 7, 0, 0, TimeSpan.Zero));
        await using var host = new HostFactory { Clock = clock };
        using var client = host.CreateClient();
        var (_, refresh) = await SignInAsync(client, "prof1");

        var refreshed = 0;
        while (true)
        {
            clock.Advance(TimeSpan.FromMinutes(14));
            var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = refresh });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                break;
            }
            refresh = (await response.ReadJsonAsync()).GetProperty("refreshToken").GetString()!;
            refreshed++;
        }

        // 42 × 14 minutes = 9 h 48 min; the 43rd is past ten hours after the password was typed.
        Assert.Equal(42, refreshed);
    }

    [Fact]
    public async Task AForgedOrMissingRefreshToken_IsRefused_NamingTheField()
    {
        await using var host = new HostFactory();
        using var client = host.CreateClient();

        var forged = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "CfDJ8-vervalst-token" });
        var missing = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = "" });

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ReadJsonAsync()).GetProperty("errors").TryGetProperty("refreshToken", out _));
    }

    private static async Task<(string Access, string Refresh)> SignInAsync(HttpClient client, string userName)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = ApiHost.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return (body.GetProperty("accessToken").GetString()!, body.GetProperty("refreshToken").GetString()!);
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.SendAsync(request)).StatusCode;
    }
}
