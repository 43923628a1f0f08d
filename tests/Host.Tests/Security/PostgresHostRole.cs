using System.Diagnostics;
using Npgsql;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// A login role of the test's own on the test cluster, granted its rights on a database the way README's "Who may write
/// the table" tells a DBA: psql runs deploy/postgres-host-role.sql as the owner. Roles belong to the cluster, not to a
/// database, so it is dropped on dispose; create it before the database, so the database (and the rights on it) is
/// dropped first.
/// </summary>
public sealed class PostgresHostRole : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "postgres-host-role.sql");

    private PostgresHostRole(string name, string password)
    {
        Name = name;
        Password = password;
    }

    public string Name { get; }
    private string Password { get; }

    public static async Task<PostgresHostRole> CreateAsync()
    {
        var role = new PostgresHostRole($"pe_host_{Guid.NewGuid():N}"[..20], Guid.NewGuid().ToString("N"));
        try
        {
            await ExecuteAsync(PostgresTestServer.Server, $"CREATE ROLE \"{role.Name}\" LOGIN PASSWORD '{role.Password}'");
        }
        catch (PostgresException denied) when (denied.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException($"The test role may not create roles (run scripts/postgres.sh, which grants it CREATEROLE): {denied.MessageText}", denied);
        }
        return role;
    }

    /// <summary>Runs the shipped grant script with psql as the owner of <paramref name="ownerConnectionString"/>'s database; returns the role's connection string to it.</summary>
    public async Task<string> GrantAsync(string ownerConnectionString)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var start = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
        // libpq's key=value form; the password goes in the environment, never on a command line.
        foreach (var arg in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-v", $"role={Name}", "-f", Script,
                     $"host={owner.Host} port={owner.Port} user={owner.Username} dbname={owner.Database}" })
            start.ArgumentList.Add(arg);
        start.Environment["PGPASSWORD"] = owner.Password;
        using var psql = Process.Start(start)
            ?? throw new InvalidOperationException("psql did not start: it comes with Debian's postgresql package (scripts/postgres.sh installs it)");
        var errors = psql.StandardError.ReadToEndAsync();
        await psql.StandardOutput.ReadToEndAsync();
        await psql.WaitForExitAsync();
        Assert.True(psql.ExitCode == 0, $"psql -f postgres-host-role.sql failed ({psql.ExitCode}): {await errors}");
        return new NpgsqlConnectionStringBuilder(ownerConnectionString) { Username = Name, Password = Password }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(PostgresTestServer.Server, $"DROP ROLE IF EXISTS \"{Name}\"");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
