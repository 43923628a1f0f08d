using System.Diagnostics;
using Npgsql;
using ProcessEngine.Data;
using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// The README's PostgreSQL procedure, step by step with the real tools: checkpoints saved first, <c>pg_dump -Fc</c>, the database
/// dropped and made again, <c>pg_restore --no-owner</c>, and <c>audit verify</c> against the saved checkpoints: intact, with
/// every checkpoint held and the trajecten of the dump.
/// </summary>
public sealed class PostgreSqlBackupProcedureTests
{
    [Fact]
    public async Task A_pg_dump_restored_into_a_fresh_database_of_the_same_name_verifies_against_the_checkpoints_saved_with_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var folder = Directory.CreateTempSubdirectory("processengine-pgdump-").FullName;
        var keys = Path.Combine(folder, "audit-keys.json");
        var checkpoints = Path.Combine(folder, "audit-checkpoints.log");
        var settings = new Dictionary<string, string>
        {
            ["Audit:KeyFile"] = keys, ["Audit:Checkpoints:Path"] = checkpoints, ["Audit:Checkpoints:Interval"] = "00:00:01",
        };
        await using (var host = ApiHost.Of(new HostFactory { Database = database.Connection, Settings = settings }))
        {
            await host.InitializeAsync();
            using var prof1 = await host.AsAsync("prof1");
            for (var i = 0; i < 3; i++) await ApiWorld.RegisterIntakeAsync(prof1);
            // A checkpoint that covers the aanmeldingen: the service writes one each second while lines arrive.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!File.Exists(checkpoints) || File.ReadAllLines(checkpoints).Length == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "no audit checkpoint was written within 30 s");
                await Task.Delay(200);
            }
        }
        var trajecten = await CountAsync(database.Connection.ConnectionString, "SELECT COUNT(*) FROM \"Trajecten\"");
        var saved = Path.Combine(folder, "processengine.dump.audit-checkpoints.log");
        File.Copy(checkpoints, saved);
        var dump = Path.Combine(folder, "processengine.dump");
        await RunAsync("pg_dump", "-Fc", "-d", Libpq(database.Connection.ConnectionString), "-f", dump);

        var name = new NpgsqlConnectionStringBuilder(database.Connection.ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(PostgresTestServer.Server, $"DROP DATABASE \"{name}\" WITH (FORCE)");
        await ExecuteAsync(PostgresTestServer.Server, $"CREATE DATABASE \"{name}\"");
        await RunAsync("pg_restore", "--no-owner", "-d", Libpq(database.Connection.ConnectionString), dump);

        var output = new StringWriter();
        var exit = await AuditCommand.RunAsync(["verify", "--Database:Provider=PostgreSql", $"--ConnectionStrings:ProcessEngine={database.Connection.ConnectionString}",
            $"--Audit:KeyFile={keys}", $"--Audit:Checkpoints:Path={saved}"], output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("audit log intact", output.ToString());
        Assert.DoesNotContain("(no checkpoints", output.ToString());
        Assert.Equal(trajecten, await CountAsync(database.Connection.ConnectionString, "SELECT COUNT(*) FROM \"Trajecten\""));
        Assert.True(trajecten >= 3);
    }

    // The tools take libpq's key=value form; the password goes in the environment, never on a command line.
    private static string Libpq(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        return $"host={b.Host} port={b.Port} user={b.Username} dbname={b.Database}";
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(PostgresTestServer.Server).Password;
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"{tool} did not start: it comes with Debian's postgresql package (scripts/postgres.sh installs it)");
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {await errors}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
