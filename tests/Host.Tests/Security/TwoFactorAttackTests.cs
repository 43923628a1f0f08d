using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attacks on the second factor: an admin's password alone (phished, sprayed, read over a shoulder) used for the
/// audit log; guessing the six digits; a recovery code used twice; turning the factor off for a role that needs it.
/// The codes are computed from the shared key as an authenticator app does (RFC 6238).
/// </summary>
public sealed class TwoFactorAttackTests
{
    private const string Admin = "regiobeheer";
    private const string AdminPassword = "Een-lang-productiewachtwoord-1";

    [Fact]
    public async Task AnAdminsPasswordAlone_ReachesOnlyTheSetUp_ThenNothingWithoutTheCode()
    {
        await using var host = ProductionHost();
        using var client = host.CreateClient();

        // Before the factor is set up, the password gives a session that can only set it up.
        var pending = await TokenAsync(client, new { userName = Admin, password = AdminPassword });
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, "/api/audit", pending)).StatusCode);
        var status = await (await SendAsync(client, HttpMethod.Get, "/api/auth/2fa", pending)).ReadJsonAsync();
        Assert.True(status.GetProperty("required").GetBoolean());
        Assert.False(status.GetProperty("enabled").GetBoolean());
        var key = status.GetProperty("sharedKey").GetString()!;
        Assert.StartsWith("otpauth://totp/ProcessEngine:regiobeheer?secret=", status.GetProperty("authenticatorUri").GetString());

        var wrong = await SendAsync(client, HttpMethod.Post, "/api/auth/2fa", pending, new { code = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.ReadJsonAsync()).GetProperty("errors").TryGetProperty("code", out _));
        var enabled = await SendAsync(client, HttpMethod.Post, "/api/auth/2fa", pending, new { code = CodeNow(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var recovery = (await enabled.ReadJsonAsync()).GetProperty("herstelcodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, recovery.Distinct().Count());
        // Turning it on ended the session of the password alone.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, HttpMethod.Get, "/api/auth/me", pending)).StatusCode);

        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = AdminPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, passwordOnly.StatusCode);
        Assert.Equal("Tweede stap nodig", (await passwordOnly.ReadJsonAsync()).GetProperty("title").GetString());
        var guessed = await client.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = AdminPassword, twoFactorCode = "123456" });
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.StatusCode);

        // A code is good for one sign-in: read over a shoulder and typed again, it is refused.
        var code = CodeNow(key, stepsAhead: 1);
        var full = await TokenAsync(client, new { userName = Admin, password = AdminPassword, twoFactorCode = code });
        var replayed = await client.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = AdminPassword, twoFactorCode = code });
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/api/audit", full)).StatusCode);
        var byRecovery = await TokenAsync(client, new { userName = Admin, password = AdminPassword, twoFactorRecoveryCode = $" {recovery[0].ToLowerInvariant()} " });
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "/api/audit", byRecovery)).StatusCode);
        var reused = await client.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = AdminPassword, twoFactorRecoveryCode = recovery[0] });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);

        // The role needs it: it stays on, whoever asks with a valid code.
        var off = await SendAsync(client, HttpMethod.Post, "/api/auth/2fa/disable", full, new { code = CodeNow(key, stepsAhead: 2) });
        Assert.Equal(HttpStatusCode.Conflict, off.StatusCode);

        var lines = await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.signin"));
        Assert.Contains(lines, l => l.Outcome == AuditOutcome.Refused && l.Detail == "wachtwoord juist, code gevraagd");
        Assert.Equal(3, lines.Count(l => l.Outcome == AuditOutcome.Refused && l.Detail == "code onjuist"));
        Assert.Contains(lines, l => l.Outcome == AuditOutcome.Success && l.Detail == "token + herstelcode");
        var changes = await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.2fa"));
        Assert.Equal(["uitzetten: verplicht voor de rol", "ingesteld", "code onjuist"], changes.Select(l => l.Detail));
    }

    [Fact]
    public async Task GuessingTheCode_LocksTheAccountOut_LikeGuessingThePassword()
    {
        await using var host = new HostFactory();
        using var client = host.CreateClient();
        var key = await EnableForAsync(host, "prof1");

        for (var i = 0; i < 5; i++)
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "prof1", password = ApiHost.Password, twoFactorCode = $"{i:000000}" });
        var right = await client.PostAsJsonAsync("/api/auth/login", new { userName = "prof1", password = ApiHost.Password, twoFactorCode = CodeNow(key) });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("geblokkeerd", (await right.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Everyone_MayTurnItOn_AndOffAgain_WhereTheRoleDoesNotNeedIt()
    {
        await using var host = new HostFactory();
        using var client = host.CreateClient();
        var before = await TokenAsync(client, new { userName = "prof2", password = ApiHost.Password });
        var key = (await (await SendAsync(client, HttpMethod.Get, "/api/auth/2fa", before)).ReadJsonAsync()).GetProperty("sharedKey").GetString()!;
        Assert.False((await (await SendAsync(client, HttpMethod.Get, "/api/auth/2fa", before)).ReadJsonAsync()).GetProperty("required").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "/api/auth/2fa", before, new { code = CodeNow(key) })).StatusCode);

        var token = await TokenAsync(client, new { userName = "prof2", password = ApiHost.Password, twoFactorCode = CodeNow(key, stepsAhead: 1) });
        var off = new { code = CodeNow(key, stepsAhead: 2) };
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(client, HttpMethod.Post, "/api/auth/2fa/disable", token, off)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { userName = "prof2", password = ApiHost.Password })).StatusCode);
    }

    /// <summary>
    /// The code an authenticator app shows for the key the set-up gave (spaces as shown), now or a few 30-second steps
    /// ahead: a code is accepted once, and the host allows a small clock skew, so a test that needs several codes within
    /// one step takes the next ones, as if the phone's clock ran a little ahead.
    /// </summary>
    public static string CodeNow(string sharedKey, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private static HostFactory ProductionHost() => new()
    {
        Environment = "Production",
        Settings = new Dictionary<string, string>
        {
            ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword,
            // Sessions are held against the account each minute; here on each call, so the end of one shows at once.
            ["Sessions:CheckInterval"] = "00:00:00",
        },
    };

    private static async Task<string> EnableForAsync(HostFactory host, string userName)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    internal static async Task<string> TokenAsync(HttpClient client, object login)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", login);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("accessToken").GetString()!;
    }

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }
}
