using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attacks on signing in with a password: spraying passwords from one address, guessing one account's password
/// from anywhere, telling real accounts from made-up names by the time the answer takes, and fishing passwords
/// out of the audit log (people type them into the name field).
/// </summary>
public sealed class SignInAttackTests
{
    private static HostFactory Host(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["Accounts:MaxFailedAccessAttempts"] = "1000" };
        foreach (var (key, value) in settings) all[key] = value;
        return new HostFactory { Settings = all };
    }

    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string userName, string password = "Raden-2026") =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });

    [Fact]
    public async Task APasswordSprayFromOneAddress_IsRefusedWith429_OnceTheAddressHasUsedItsAttempts()
    {
        await using var host = Host(("SignIn:Limits:PerAddress", "5"));
        using var client = host.CreateClient();

        var answers = new List<HttpStatusCode>();
        foreach (var name in new[] { "coordinator", "voorzitter", "rvtlid", "prof1", "prof2", "manager", "beheerder" })
            answers.Add((await TryAsync(client, name)).StatusCode);
        var refused = await TryAsync(client, "raad", ApiHost.Password);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 5).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 2)), answers);
        // Even the right password is not checked while the address is over its limit.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After");
        Assert.Equal("Te veel pogingen", (await refused.ReadJsonAsync()).GetProperty("title").GetString());
        var lines = await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.signin"));
        Assert.Equal(3, lines.Count(l => l.Outcome == AuditOutcome.Refused && l.Detail == "te veel pogingen"));
    }

    [Fact]
    public async Task GuessingOneAccountsPassword_IsRefusedWith429_AfterItsAttempts_WhileOtherAccountsSignIn()
    {
        await using var host = Host(("SignIn:Limits:PerUserName", "3"));
        using var client = host.CreateClient();

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) guesses.Add((await TryAsync(client, i % 2 == 0 ? "voorzitter" : "VOORZITTER", $"Raden-{i}")).StatusCode);
        var other = await TryAsync(client, "prof1", ApiHost.Password);

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], guesses);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AMadeUpName_TakesAsLongToRefuse_AsAWrongPasswordForARealAccount()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        await TryAsync(client, "manager"); // warm-up: the first call pays for start-up work

        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            known.Add(await TimedAsync(() => TryAsync(client, "manager")));
            unknown.Add(await TimedAsync(() => TryAsync(client, $"bestaat-niet-{i}")));
        }

        // Without the decoy check a made-up name came back in under a millisecond, against the password hash's tens.
        var ratio = Median(unknown) / Median(known);
        Assert.True(ratio > 0.5, $"a made-up name is refused {1 / ratio:F1}x faster than a wrong password (medians {Median(unknown):F1} vs {Median(known):F1} ms)");
    }

    [Fact]
    public async Task ANameThatMatchesNoAccount_IsNotKeptInTheAuditLog_OnlyAKeyedMarkOfIt()
    {
        await using var host = Host();
        using var client = host.CreateClient();
        const string typedPassword = "Zomer-Vakantie-2026!";

        await TryAsync(client, typedPassword, "iets anders");
        await TryAsync(client, typedPassword, "iets");
        await TryAsync(client, "prof1", "fout");

        var lines = (await host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.signin")))
            .Where(l => l.Outcome == AuditOutcome.Refused).ToList();
        Assert.DoesNotContain(lines, l => (l.UserId ?? "").Contains("Zomer", StringComparison.OrdinalIgnoreCase));
        var marks = lines.Where(l => l.UserId!.StartsWith("onbekend:", StringComparison.Ordinal)).Select(l => l.UserId).ToList();
        Assert.Equal(2, marks.Count);
        Assert.Single(marks.Distinct());
        Assert.Contains(lines, l => l.UserId == "prof1");
    }

    private static async Task<double> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var clock = Stopwatch.StartNew();
        using var response = await call();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
