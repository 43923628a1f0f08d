using Npgsql;
using ProcessEngine.Workflows.Hosting;

namespace ProcessEngine.Workflows.Tests.Support;

/// <summary>
/// A fresh, empty database for one test: a new SQLite file, or a new database on the local PostgreSQL
/// cluster that scripts/postgres.sh installs and starts (override the server with
/// PROCESSENGINE_TEST_POSTGRES). Dropped again afterwards. A server that cannot be reached fails the test
/// with the reason; it is never skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=processengine;Password=processengine;Database=postgres";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseConnection connection, string? postgresName)
    {
        Connection = connection;
        _postgresName = postgresName;
    }

    public DatabaseConnection Connection { get; }

    public static string Server => Environment.GetEnvironmentVariable("PROCESSENGINE_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "processengine-tests", $"{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseConnection.Sqlite($"Data Source={path}"), null);
        }
        var name = $"pe_test_{Guid.NewGuid():N}";
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
        return new TestDatabase(DatabaseConnection.PostgreSql(builder.ToString()), name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null) return;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
