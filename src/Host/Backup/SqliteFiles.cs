using Microsoft.Data.Sqlite;

namespace ProcessEngine.Host.Backup;

/// <summary>The file names that belong to a SQLite database and its backup copies.</summary>
public static class SqliteFiles
{
    /// <summary>The full path of the database file a SQLite connection string names.</summary>
    public static string DataSourceOf(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>The audit checkpoints saved beside a backup copy: the ones that belong to that copy's moment.</summary>
    public static string CheckpointsOf(string backupFile) => backupFile + ".audit-checkpoints.log";

    /// <summary>A connection of the backup's own, not pooled, so closing it really closes the file (and it can be moved).</summary>
    public static SqliteConnection Open(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The side files SQLite keeps beside a database (write-ahead log, shared memory, rollback journal).</summary>
    public static IEnumerable<string> SideFilesOf(string databaseFile) =>
        new[] { "-wal", "-shm", "-journal" }.Select(suffix => databaseFile + suffix);

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
