using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcessEngine.Data;

/// <summary>
/// Lets SQLite itself wait for a lock another connection holds (PRAGMA busy_timeout), in short steps inside the
/// statement. Without it Microsoft.Data.Sqlite retries a busy statement after sleeping its thread for whole
/// tenths of a second: under load one writer waiting on another's commit then held every write of the
/// process back that long. Set on every connection this process opens (pooled ones are set again on each open).
/// </summary>
public static class SqliteLockWaiting
{
    public static DbConnectionInterceptor Interceptor { get; } = new OnOpen();

    public static void Apply(SqliteConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {Math.Max(1, connection.DefaultTimeout) * 1000};";
        pragma.ExecuteNonQuery();
    }

    private sealed class OnOpen : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (connection is SqliteConnection sqlite) Apply(sqlite);
        }

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (connection is SqliteConnection sqlite) Apply(sqlite);
            return Task.CompletedTask;
        }
    }
}
