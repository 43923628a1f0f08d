using Npgsql;
using ProcessEngine.Tests.Shared;

namespace ProcessEngine.Reliability;

/// <summary>
/// The one database the nodes of a cluster share, as the host is told it (Database__Provider,
/// ConnectionStrings__ProcessEngine): a fresh SQLite file, or a fresh database on the local PostgreSQL
/// cluster (<see cref="PostgresTestServer"/>). Removed on dispose.
/// </summary>
public sealed record HostDatabase(string Provider, string ConnectionString, string? SqlitePath) : IAsyncDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    /// <summary>A fresh database of <paramref name="provider"/> (Sqlite or PostgreSql).</summary>
    public static async Task<HostDatabase> NewAsync(string provider, string label) => provider switch
    {
        Sqlite => NewSqlite(label),
        // Room for two nodes' pools, the preparing engine and the test's own reads.
        PostgreSql => new HostDatabase(PostgreSql, await PostgresTestServer.CreateDatabaseAsync("pe_rel", maxPoolSize: 60), null),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Sqlite or PostgreSql."),
    };

    /// <summary>A fresh SQLite file in the temp folder, deleted (with its WAL) on dispose.</summary>
    public static HostDatabase NewSqlite(string label)
    {
        var folder = Path.Combine(Path.GetTempPath(), "processengine-reliability");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{label}-{Guid.NewGuid():N}.db");
        return new HostDatabase(Sqlite, $"Data Source={path}", path);
    }

    /// <summary>A plain ADO.NET connection for counting what the nodes wrote (the suite reads rows, never logs).</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync()
    {
        System.Data.Common.DbConnection connection = Provider == Sqlite
            ? new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (Provider == PostgreSql)
        {
            await PostgresTestServer.DropDatabaseAsync(ConnectionString);
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(SqlitePath)!, Path.GetFileName(SqlitePath) + "*"))
            File.Delete(file);
    }
}
