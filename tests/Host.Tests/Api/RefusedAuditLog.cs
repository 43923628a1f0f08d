using Microsoft.Data.Sqlite;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// While held, the host's SQLite database refuses every new audit line (a trigger that aborts the insert), as a
/// full disk or a revoked grant would: what a test does meanwhile must then leave no trace.
/// </summary>
public sealed class RefusedAuditLog : IAsyncDisposable
{
    private readonly SqliteConnection _db;

    private RefusedAuditLog(SqliteConnection db) => _db = db;

    public static async Task<RefusedAuditLog> OnAsync(string databasePath)
    {
        var db = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await db.OpenAsync();
        await ExecuteAsync(db, "CREATE TRIGGER AuditLog_TestRefuses BEFORE INSERT ON AuditLog BEGIN SELECT RAISE(ABORT, 'audit log unavailable'); END;");
        return new RefusedAuditLog(db);
    }

    public async ValueTask DisposeAsync()
    {
        await ExecuteAsync(_db, "DROP TRIGGER AuditLog_TestRefuses;");
        await _db.DisposeAsync();
    }

    private static async Task ExecuteAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
