namespace ProcessEngine.Reliability;

/// <summary>
/// The one database the nodes of a cluster share, as the host is told it (Database__Provider,
/// ConnectionStrings__ProcessEngine). SQLite today; a PostgreSQL database is another value of this record.
/// </summary>
public sealed record HostDatabase(string Provider, string ConnectionString, string? SqlitePath) : IDisposable
{
    public const string Sqlite = "Sqlite";

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
            : throw new NotSupportedException($"Reading a {Provider} database: add its ADO.NET connection here.");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (SqlitePath is null) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(Path.GetDirectoryName(SqlitePath)!, Path.GetFileName(SqlitePath) + "*"))
            File.Delete(file);
    }
}
