using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using ProcessEngine.Data;
using ProcessEngine.Host.Commands.Doctor;
using ProcessEngine.Host.Extensions;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Migrations.PostgreSql;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: someone holding the host's database credentials (read from its environment, or reached through the host)
/// rewrites or empties the audit log, or first takes away the triggers that refuse it; the owner of the table could do
/// all of that. README, "Who may write the table", step by step: the owner's start migrates, psql runs
/// deploy/postgres-host-role.sql for a login role that owns nothing, the host starts under that role and people work
/// (their lines are written), and then that role tries each way in and is refused on permission (42501), before any
/// trigger is asked. Appending a forged line stays possible; the keyed chain names it (AuditTamperingTests).
/// </summary>
public sealed class AuditTableRoleAttackTests
{
    private static readonly string[] Attacks =
    [
        """UPDATE "AuditLog" SET "UserId" = 'iemand-anders'""",
        """DELETE FROM "AuditLog" """,
        """TRUNCATE "AuditLog" """,
        """ALTER TABLE "AuditLog" DISABLE TRIGGER ALL""",
        """DROP TRIGGER "AuditLog_NoDelete" ON "AuditLog" """,
        """DROP TABLE "AuditLog" """,
        // The triggers' function made harmless, or dropped with the triggers that call it.
        """CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$""",
        "DROP FUNCTION audit_log_append_only() CASCADE",
        // A replica session fires no ordinary trigger.
        "SET session_replication_role = replica",
    ];

    [Fact]
    public async Task TheHostUnderTheGrantedRole_WritesItsUsersAuditLines_AndThatRoleCanNeitherChangeNorRemoveNorUnguardThem()
    {
        await using var role = await PostgresHostRole.CreateAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var first = ApiHost.On(database.Connection)) await first.InitializeAsync(); // as the owner: migrates, seeds, imports the flows
        var connectionString = await role.GrantAsync(database.Connection.ConnectionString);

        var refusals = new RefusalLog();
        await using (var host = ApiHost.Of(new HostFactory
        {
            Database = PostgreSqlMigrations.Connect(connectionString), TestServices = s => s.AddLogging(l => l.AddProvider(refusals)),
        }))
        {
            await host.InitializeAsync();
            using var prof1 = await host.AsAsync("prof1");
            var code = await ApiWorld.RegisterIntakeAsync(prof1);
            using var chair = await host.AsAsync("voorzitter");
            var triage = await ApiWorld.TaskOfAsync(chair, "/api/tasks/team", code);
            await ApiWorld.Ok(chair.PostAsJsonAsync($"/api/tasks/{triage}/complete", new { outcome = "Consultatie & Advies" }));

            var lines = await host.Service<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code));
            Assert.Contains(lines, l => l is { EventCode: "casus.create", UserId: "prof1", Outcome: AuditOutcome.Success });
            Assert.Contains(lines, l => l is { EventCode: "task.complete", UserId: "voorzitter", Outcome: AuditOutcome.Success });
            var audit = await host.Service<AuditVerifier>().VerifyAsync();
            Assert.True(audit.Intact, audit.Problem);
            // Nothing the host did at start or since was refused a right: not its start, not the e-mail prompts' and
            // Hangfire's jobs the new tasks enqueued (those log a refusal as a warning and retry).
            Assert.Empty(refusals.Lines);
        }

        // The production check agrees that this role cannot alter the table.
        var doctor = new StringWriter();
        await DoctorCommand.RunAsync(["--Database:Provider=PostgreSql", $"--ConnectionStrings:ProcessEngine={connectionString}"], doctor);
        var owner = new NpgsqlConnectionStringBuilder(database.Connection.ConnectionString).Username;
        Assert.Contains($"OK        Audit table: AuditLog is owned by {owner}, not by the connecting role {role.Name}.", doctor.ToString());

        await using var attacker = new NpgsqlConnection(connectionString);
        await attacker.OpenAsync();
        var linesBefore = await ScalarAsync(attacker, """SELECT COUNT(*) FROM "AuditLog" """);
        var outcomes = new List<string>();
        foreach (var attack in Attacks)
        {
            try
            {
                await ScalarAsync(attacker, attack);
                outcomes.Add($"{attack}: carried out");
            }
            catch (PostgresException refused) { outcomes.Add($"{attack}: {refused.SqlState} {refused.MessageText}"); }
        }

        Assert.All(outcomes, o => Assert.Contains($": {PostgresErrorCodes.InsufficientPrivilege} ", o));
        Assert.Equal(linesBefore, await ScalarAsync(attacker, """SELECT COUNT(*) FROM "AuditLog" """));
        Assert.Equal(3L, await ScalarAsync(attacker, """SELECT COUNT(*) FROM pg_trigger WHERE tgrelid = '"AuditLog"'::regclass AND tgenabled = 'O'"""));
    }

    [Fact]
    public async Task APendingMigration_UnderTheGrantedRole_RefusesTheStartInOneLine_ThatSaysToStartAsTheOwner()
    {
        await using var role = await PostgresHostRole.CreateAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using (var first = ApiHost.On(database.Connection)) await first.InitializeAsync(); // as the owner
        var connectionString = await role.GrantAsync(database.Connection.ConnectionString);
        // As after copying a newer build over the old one: its latest migration is not in the database yet.
        await using (var ownerConnection = new NpgsqlConnection(database.Connection.ConnectionString))
        {
            await ownerConnection.OpenAsync();
            await ScalarAsync(ownerConnection, """
                DELETE FROM "__PlatformMigrationsHistory"
                WHERE "MigrationId" = (SELECT MAX("MigrationId") FROM "__PlatformMigrationsHistory")
                """);
        }

        var (exit, line) = await RunHostAsync(connectionString);

        Assert.Equal(StartRefusedException.ExitCode, exit);
        Assert.StartsWith($"ProcessEngine cannot prepare the database as role {role.Name}: permission denied for schema public. ", line);
        Assert.Contains("start this version once with the owner role's connection string (it migrates; stop it), " +
            $"then run deploy/postgres-host-role.sql for {role.Name} again", line);
    }

    /// <summary>Every line the host logs at Error or above, and every line at any level whose exception is PostgreSQL's permission error.</summary>
    private sealed class RefusalLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() { }

        private sealed class Logger(RefusalLog log, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Error || DatabaseRightRefusal.Find(exception) is not null)
                    log.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The host as an operator starts it (its own process); returns its exit code and the one line it wrote to standard error.</summary>
    private static async Task<(int Exit, string Line)> RunHostAsync(string connectionString)
    {
        var keyFile = Path.Combine(Path.GetTempPath(), $"processengine-role-{Guid.NewGuid():N}.auditkey");
        try
        {
            var exited = await HostBinary.RunUntilExitAsync([], new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "PostgreSql",
                ["ConnectionStrings__ProcessEngine"] = connectionString,
                ["Audit__KeyFile"] = keyFile,
                ["Urls"] = "http://127.0.0.1:0",
            });
            return (exited.Code, exited.Line);
        }
        finally { File.Delete(keyFile); }
    }
}
