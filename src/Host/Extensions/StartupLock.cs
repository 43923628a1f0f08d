using ProcessEngine.Data;
using Npgsql;

namespace ProcessEngine.Host.Extensions;

/// <summary>
/// Lets one node at a time prepare the shared database at start-up (migrations, demo accounts, shipped
/// flows): two nodes starting together would otherwise both find an account or a flow version missing and
/// both insert it, and the loser would fail its start. On PostgreSQL a session advisory lock, released when
/// its connection closes (also when the node dies); SQLite is one process, so nothing to wait for.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    // Any fixed number: it names this lock among the advisory locks of the database.
    private const long LockKey = 0x5072_6F63_456E_67;
    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> AcquireAsync(DatabaseConnection database, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.PostgreSql) return new StartupLock(null);
        var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", LockKey);
        await command.ExecuteNonQueryAsync(ct);
        return new StartupLock(connection);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
