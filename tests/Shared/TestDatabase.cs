using ProcessEngine.Data;

namespace ProcessEngine.Tests.Shared;

/// <summary>
/// A fresh, empty database for one test: a new SQLite file, or a new database on the local PostgreSQL
/// cluster (<see cref="PostgresTestServer"/>), dropped again afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly bool _ownsPostgresDatabase;

    private TestDatabase(DatabaseConnection connection, bool ownsPostgresDatabase)
    {
        Connection = connection;
        _ownsPostgresDatabase = ownsPostgresDatabase;
    }

    public DatabaseConnection Connection { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), "processengine-tests", $"{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseConnection.Sqlite($"Data Source={path}"), false);
        }
        return new TestDatabase(ProcessEngine.Migrations.PostgreSql.PostgreSqlMigrations.Connect(await PostgresTestServer.CreateDatabaseAsync("pe_test")), true);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsPostgresDatabase) await PostgresTestServer.DropDatabaseAsync(Connection.ConnectionString);
    }
}
