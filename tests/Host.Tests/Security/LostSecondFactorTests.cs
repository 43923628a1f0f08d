using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using static ProcessEngine.Host.Tests.Security.TwoFactorAttackTests;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// An admin lost the phone and the recovery codes: whoever runs the server resets the factor from the command line.
/// Sessions of the account end, the old key's codes are worthless, and the next sign-in must set up a new factor first.
/// </summary>
public sealed class LostSecondFactorTests
{
    private const string Admin = "regiobeheer", AdminPassword = "Een-lang-productiewachtwoord-1";

    [Fact]
    public async Task AResetFromTheServer_EndsTheSessions_AndTheNextSignInSetsUpANewFactorFirst()
    {
        await using var host = new HostFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string>
            {
                ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword, ["Sessions:CheckInterval"] = "00:00:00",
            },
        };
        using var client = host.CreateClient();
        var pending = await TokenAsync(client, new { userName = Admin, password = AdminPassword });
        var oldKey = (await (await SendAsync(client, HttpMethod.Get, "/api/auth/2fa", pending)).ReadJsonAsync()).GetProperty("sharedKey").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Post, "/api/auth/2fa", pending, new { code = CodeNow(oldKey) })).StatusCode);
        var full = await TokenAsync(client, new { userName = Admin, password = AdminPassword, twoFactorCode = CodeNow(oldKey, stepsAhead: 1) });

        var output = new StringWriter();
        var database = $"--ConnectionStrings:ProcessEngine=Data Source={host.DatabasePath}";
        Assert.Equal(1, await AccountCommand.RunAsync(["reset-second-factor", "niemand", database], output));
        Assert.Equal(0, await AccountCommand.RunAsync(["reset-second-factor", Admin, database], output));

        Assert.StartsWith("No account 'niemand'.", output.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, HttpMethod.Get, "/api/audit", full)).StatusCode);
        var again = await TokenAsync(client, new { userName = Admin, password = AdminPassword });
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, HttpMethod.Get, "/api/audit", again)).StatusCode);
        var status = await (await SendAsync(client, HttpMethod.Get, "/api/auth/2fa", again)).ReadJsonAsync();
        Assert.False(status.GetProperty("enabled").GetBoolean());
        Assert.NotEqual(oldKey, status.GetProperty("sharedKey").GetString());
        var line = Assert.Single(await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.2fa")),
            l => l.Detail == $"teruggezet voor {Admin}");
        Assert.Equal($"opdrachtregel:{Environment.UserName}", line.UserId);
    }
}
