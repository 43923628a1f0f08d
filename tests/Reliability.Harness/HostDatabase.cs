using Npgsql;

namespace ProcessEngine.Reliability;

/// <summary>
/// The one database the nodes of a cluster share, as the host is told it (Database__Provider,
/// ConnectionStrings__ProcessEngine): a fresh SQLite file, or a fresh database on the local PostgreSQL
/// cluster that scripts/postgres.sh installs (PROCESSENGINE_TEST_POSTGRES points elsewhere). Removed on dispose.
/// </summary>
public sealed record HostDatabase(string Provider, string ConnectionString, string? SqlitePath) : IDisposable
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=processengine;Password=processengine;Database=postgres";

    private static string Server => Environment.GetEnvironmentVariable("PROCESSENGINE_TEST_POSTGRES") is { Length: > 0 } server ? server : DefaultServer;

    /// <summary>A fresh database of <paramref name="provider"/> (Sqlite or PostgreSql).</summary>
    public static HostDatabase New(string provider, string label) => provider switch
    {
        Sqlite => NewSqlite(label),
        PostgreSql => NewPostgreSql(label),
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

    /// <summary>A fresh PostgreSQL database, dropped on dispose. An unreachable server fails with the reason.</summary>
    public static HostDatabase NewPostgreSql(string label)
    {
        var tag = new string([.. label.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').Take(16)]);
        var name = $"pe_rel_{tag}_{Guid.NewGuid():N}"; // at most 56 characters: PostgreSQL names stop at 63
        try
        {
            using var admin = new NpgsqlConnection(Server);
            admin.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            create.ExecuteNonQuery();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL reliability tests need the local cluster (run scripts/postgres.sh, or set PROCESSENGINE_TEST_POSTGRES): {ex.Message}", ex);
        }
        // Room for two nodes' pools, the preparing engine and the test's own reads.
        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = name, MaxPoolSize = 60 };
        return new HostDatabase(PostgreSql, builder.ToString(), null);
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

    public void Dispose()
    {
        if (Provider == PostgreSql)
        {
            NpgsqlConnection.ClearAllPools();
            using var admin = new NpgsqlConnection(Server);
            admin.Open();
            var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database;
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
            return;
        }
        if (SqlitePath is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(SqlitePath)!, Path.GetFileName(SqlitePath) + "*"))
            File.Delete(file);
    }
}
