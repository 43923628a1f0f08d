using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Host.Extensions;
using ProcessEngine.Host.Security;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: the demo accounts (the demo admin and the chair among them, with a public password) reaching an
/// installation that is not a developer's machine. They exist only in Development and only when asked for;
/// any other environment refuses to start (one line, exit code 3, as an operator sees it from the real process)
/// while asked for them, while the database still holds one, or without an admin.
/// </summary>
public sealed class DemoAccountTests
{
    private const string Admin = "regiobeheer";
    private const string AdminPassword = "Een-lang-acceptatiewachtwoord-1";

    [Fact]
    public async Task Development_WithoutAsking_HasNoDemoAccounts()
    {
        await using var host = new HostFactory { Settings = new Dictionary<string, string> { ["Accounts:CreateDemoAccounts"] = "false" } };
        using var client = host.CreateClient();

        var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "beheerder", password = ApiHost.Password });

        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);
    }

    [Fact]
    public async Task Acceptatie_OnADatabaseADevelopmentStartLeftDemoAccountsIn_RefusesToStart_UntilToldToRemoveThem()
    {
        string database;
        await using (var development = new HostFactory())
        {
            _ = development.Server; // Development, demo accounts asked for: they are made
            database = development.DatabasePath;
        }

        var (exit, line) = await RunHostAsync("Acceptatie", database, ("Accounts__AdminUserName", Admin), ("Accounts__AdminPassword", AdminPassword));

        Assert.Equal(StartRefusedException.ExitCode, exit);
        Assert.StartsWith("ProcessEngine refuses to start in Acceptatie: this database holds the demo accounts coordinator, voorzitter", line);
        Assert.EndsWith("Start once with Accounts__RemoveDemoAccounts=true to delete them.", line);

        await using var removing = new HostFactory
        {
            Environment = "Acceptatie", DatabasePath = database,
            Settings = new Dictionary<string, string>
            {
                ["Accounts:RemoveDemoAccounts"] = "true", ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword,
            },
        };
        using var client = removing.CreateClient();
        var demo = await client.PostAsJsonAsync("/api/auth/login", new { userName = "beheerder", password = ApiHost.Password });
        var admin = await client.PostAsJsonAsync("/api/auth/login", new { userName = Admin, password = AdminPassword });
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (demo.StatusCode, admin.StatusCode));
        var deleted = await removing.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(EventCode: "account.delete"));
        Assert.Equal(AccountSeeder.DemoAccounts.Count, deleted.Count);
        Assert.All(deleted, l => Assert.Equal("systeem:start", l.UserId));
    }

    [Fact]
    public async Task Staging_AskedForDemoAccounts_RefusesToStart()
    {
        var (exit, line) = await RunHostAsync("Staging", NewDatabase(), ("Accounts__CreateDemoAccounts", "true"),
            ("Accounts__AdminUserName", Admin), ("Accounts__AdminPassword", AdminPassword));

        Assert.Equal(StartRefusedException.ExitCode, exit);
        Assert.Equal("ProcessEngine refuses to start in Staging with Accounts:CreateDemoAccounts: demo accounts (public password) are for " +
            "Development only. Remove the setting.", line);
    }

    [Fact]
    public async Task Production_WithoutAnAdmin_SaysSoInOneLine_AndExitsWithCode3()
    {
        var (exit, line) = await RunHostAsync("Production", NewDatabase());

        Assert.Equal(StartRefusedException.ExitCode, exit);
        Assert.Equal("ProcessEngine refuses to start in Production without an admin: set Accounts__AdminUserName and Accounts__AdminPassword " +
            "(environment) for the first start.", line);
    }

    private static string NewDatabase() => Path.Combine(Path.GetTempPath(), "processengine-tests", $"start-{Guid.NewGuid():N}.db");

    /// <summary>The host as an operator starts it (its own process); returns its exit code and the one line it wrote to standard error.</summary>
    private static async Task<(int Exit, string Line)> RunHostAsync(string environment, string database, params (string Key, string Value)[] settings)
    {
        var variables = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__ProcessEngine"] = $"Data Source={database}",
            ["Audit__KeyFile"] = database + ".auditkey",
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var (key, value) in settings) variables[key] = value;
        var exited = await HostBinary.RunUntilExitAsync([], variables);
        return (exited.Code, exited.Line);
    }
}
