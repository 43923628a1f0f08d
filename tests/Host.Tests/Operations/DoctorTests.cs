using System.Security.Cryptography;
using ProcessEngine.Data;
using ProcessEngine.Host.Commands.Doctor;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// `doctor` against real databases a host made: the README's development set-up is not ready for production, a
/// production-like one is, and the settings that let the session cookie or the prompts travel in clear text block.
/// </summary>
public sealed class DoctorTests
{
    private const string Admin = "regiobeheer";
    private const string AdminPassword = "Een-lang-productiewachtwoord-1";

    private readonly string _root = Directory.CreateTempSubdirectory("processengine-doctor-").FullName;

    [Fact]
    public async Task TheReadmesDevelopmentSetUp_Blocks_OnTheEnvironmentAndTheDemoAccounts()
    {
        var database = Path.Combine(_root, "processengine.db");
        await StartAndStopAsync(new HostFactory { DatabasePath = database }); // Development, demo accounts asked for

        var (exit, output) = await DoctorAsync("--environment", "Development", "--Accounts:CreateDemoAccounts=true", $"--ConnectionStrings:ProcessEngine=Data Source={database}");

        Assert.True(exit == 1, output);
        Assert.Contains("BLOCKING  Environment: the environment is Development", output);
        Assert.Contains("Fix: set ASPNETCORE_ENVIRONMENT=Production (and drop --environment Development).", output);
        Assert.Contains("BLOCKING  Accounts: Accounts:CreateDemoAccounts is true", output);
        Assert.Contains("Fix: remove Accounts__CreateDemoAccounts (or set it to false).", output);
        Assert.Matches("BLOCKING  Accounts: the database holds the demo accounts .*beheerder", output);
        Assert.Contains("Fix: start once with Accounts__RemoveDemoAccounts=true (outside Development) to delete them, audited.", output);
        Assert.Contains("BLOCKING  Accounts: no active account in role Admin", output); // the demo admin does not count
    }

    [Fact]
    public async Task AProductionLikeInstall_Passes_WithoutChangingTheDatabase()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var audit = Directory.CreateDirectory(Path.Combine(_root, "audit")).FullName;
        var database = Path.Combine(data, "processengine.db");
        var keyFile = Path.Combine(audit, "audit-keys.json");
        var checkpoints = Path.Combine(audit, "audit-checkpoints.log");
        await StartAndStopAsync(new HostFactory
        {
            Environment = "Production", DatabasePath = database,
            Settings = new Dictionary<string, string>
            {
                ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword,
                ["Audit:KeyFile"] = keyFile, ["Audit:Checkpoints:Path"] = checkpoints,
            },
        });
        var before = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(database)));

        var (exit, output) = await DoctorAsync("--Environment=Production", $"--ConnectionStrings:ProcessEngine=Data Source={database}",
            "--Urls=http://127.0.0.1:5080", "--Network:KnownProxies:0=127.0.0.1",
            "--Prompts:Smtp:Host=smtp.example.org", "--Prompts:Smtp:Port=587", "--Prompts:Smtp:Security=StartTls",
            $"--Audit:KeyFile={keyFile}", $"--Audit:Checkpoints:Path={checkpoints}", $"--Backup:Folder={Path.Combine(_root, "backups")}",
            $"--DataProtection:KeyEncryptionKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}");

        Assert.True(exit == 0, output);
        Assert.Contains($"OK        Accounts: active admin account(s): {Admin}.", output);
        Assert.Contains("0 blocking, 0 warning(s)", output);
        Assert.Equal(before, Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(database))));
    }

    [Fact]
    public async Task PlainHttpOnAllAddresses_AndSmtpWithoutTlsToAnotherHost_EachBlock_AndAKeyBesideTheDatabase_Warns()
    {
        var absent = Path.Combine(_root, "nog-niet.db");

        var (exit, output) = await DoctorAsync("--Environment=Production", $"--ConnectionStrings:ProcessEngine=Data Source={absent}",
            "--Urls=http://0.0.0.0:5080", "--Prompts:Smtp:Host=smtp.example.org", "--Prompts:Smtp:Security=None",
            $"--DataProtection:KeyFile={Path.Combine(_root, "dataprotection-key.json")}");

        Assert.True(exit == 1, output);
        Assert.Contains("BLOCKING  HTTPS: Urls: http://0.0.0.0:5080 is plain http on a non-loopback address: the session cookie is Secure", output);
        Assert.Contains("Fix: set Urls=http://127.0.0.1:5080 behind a TLS reverse proxy", output);
        Assert.Contains("BLOCKING  SMTP: Prompts:Smtp:Security is None towards smtp.example.org", output);
        Assert.Contains("Fix: set Prompts__Smtp__Security=StartTls", output);
        // The key that encrypts the session keys beside the database that holds them: one copy of the folder forges sessions.
        Assert.Contains($"WARNING   Data Protection: the Data Protection key file is in the database's folder {_root}", output);
        Assert.False(File.Exists(absent), "the doctor must not create the database");
    }

    [Fact]
    public async Task CheckpointsToASyslogServerAlone_Count_OverUdpWithAWarning_AndAnEndpointThatIsNone_Blocks()
    {
        string[] Args(string syslog) => ["--Environment=Production", $"--ConnectionStrings:ProcessEngine=Data Source={Path.Combine(_root, "nog-niet.db")}",
            "--Audit:Checkpoints:Path=", $"--Audit:Checkpoints:Syslog={syslog}"];

        var (_, tcp) = await DoctorAsync(Args("tcp://logs.example.nl:601"));
        var (_, udp) = await DoctorAsync(Args("udp://logs.example.nl:514"));
        var (exit, bad) = await DoctorAsync(Args("http://logs.example.nl"));

        Assert.Contains("OK        Audit checkpoints: sent to syslog tcp://logs.example.nl:601", tcp);
        Assert.DoesNotContain("Audit:Checkpoints:Path and Audit:Checkpoints:Syslog are empty", tcp);
        Assert.Contains("WARNING   Audit checkpoints: checkpoints go only to syslog over UDP (udp://logs.example.nl:514)", udp);
        Assert.True(exit == 1, bad);
        Assert.Contains("BLOCKING  Audit checkpoints: Audit:Checkpoints:Syslog 'http://logs.example.nl' is not a syslog endpoint", bad);
    }

    [Fact]
    public async Task AnUnreachableDatabase_IsABlockingFinding_NotACrash()
    {
        var (exit, output) = await DoctorAsync("--Environment=Production", "--Database:Provider=PostgreSql",
            "--ConnectionStrings:ProcessEngine=Host=127.0.0.1;Port=1;Database=processengine;Username=processengine;Password=x");

        Assert.True(exit == 1, output);
        Assert.Contains("BLOCKING  Database: ConnectionStrings:ProcessEngine: the PostgreSQL database processengine on 127.0.0.1:1", output);
    }

    [Fact]
    public async Task OnPostgreSql_ARoleThatOwnsTheAuditLog_Blocks()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        // The test role creates the database and migrates it, so it owns every table: the set-up README warns against.
        await StartAndStopAsync(new HostFactory
        {
            Environment = "Production", Database = database.Connection,
            Settings = new Dictionary<string, string> { ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword },
        });

        var (exit, output) = await DoctorAsync("--Environment=Production", "--Database:Provider=PostgreSql",
            $"--ConnectionStrings:ProcessEngine={database.Connection.ConnectionString}");

        Assert.True(exit == 1, output);
        Assert.Matches("BLOCKING  Audit table: the connecting role \\S+ can alter AuditLog", output);
        Assert.Contains("Fix: set ConnectionStrings__ProcessEngine to a role granted only SELECT, INSERT on \"AuditLog\"", output);
        Assert.Contains("WARNING   Data Protection: only the key file", output);
    }

    private static async Task StartAndStopAsync(HostFactory factory)
    {
        await using (factory) _ = factory.Server; // migrates and seeds the accounts
    }

    private static async Task<(int Exit, string Output)> DoctorAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await DoctorCommand.RunAsync(args, output);
        return (exit, output.ToString());
    }
}
