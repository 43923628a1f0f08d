using Npgsql;

namespace ProcessEngine.Tests.Shared;

/// <summary>
/// The local PostgreSQL cluster the tests use (installed and started by scripts/postgres.sh; set
/// PROCESSENGINE_TEST_POSTGRES to use another server): a fresh database per test, dropped afterwards.
/// Linked into every test project that needs one, so the engine's, the host's and the reliability tests
/// create and drop their databases the same way. An unreachable server fails with the reason, never skips.
/// </summary>
public static class PostgresTestServer
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=processengine;Password=processengine;Database=postgres";

    public static string Server => Environment.GetEnvironmentVariable("PROCESSENGINE_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    /// <summary>Creates an empty database named after <paramref name="prefix"/> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, int? maxPoolSize = null)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        try
        {
            await using var admin = new NpgsqlConnection(Server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need the local cluster (run scripts/postgres.sh, or set PROCESSENGINE_TEST_POSTGRES): {ex.Message}", ex);
        }
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name };
        if (maxPoolSize is { } size) builder.MaxPoolSize = size;
        return builder.ToString();
    }

    /// <summary>
    /// Drops the database of <paramref name="connectionString"/>, closing whatever still holds it. A
    /// backend it may not end (42501: an autovacuum worker, where scripts/postgres.sh has not yet granted
    /// pg_signal_backend) or one still starting to leave (55006) gets a few seconds before the drop fails.
    /// </summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (attempt < 5 && ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
