using Microsoft.Data.Sqlite;

namespace ProcessEngine.Data;

/// <summary>
/// The embedded database: one SQLite file, pooled connections, and a busy timeout so concurrent writers
/// queue instead of failing. The folder of the file is created when missing.
/// </summary>
public static class SqliteConnectionSetup
{
    public static string Normalise(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return builder.ToString();
    }
}
