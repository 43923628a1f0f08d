using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using ProcessEngine.Data;

namespace ProcessEngine.Host.Commands.Doctor;

public enum DatabaseState
{
    /// <summary>The configured database could not be opened or read.</summary>
    Unreachable,
    /// <summary>Reachable, but the host has not made its tables yet (a first start is still to come).</summary>
    NotCreated,
    Read,
}

/// <summary>Who owns the AuditLog table on PostgreSQL, and whether the connecting role could drop its append-only trigger.</summary>
public sealed record AuditLogOwnership(string Owner, string CurrentUser, bool CanAlter);

/// <summary>
/// What the production check needs from the database, read once before the checks through a read-only connection
/// (SQLite opened read-only and never created; PostgreSQL with default_transaction_read_only), so the doctor can
/// neither migrate nor write it.
/// </summary>
public sealed record DatabaseFacts(DatabaseState State, string Description)
{
    public IReadOnlyList<string> DemoAccounts { get; init; } = [];

    /// <summary>Admins that may sign in now (not locked out), demo accounts left out.</summary>
    public IReadOnlyList<string> ActiveAdmins { get; init; } = [];

    public bool HasAuditLines { get; init; }

    /// <summary>PostgreSQL only, once its tables exist.</summary>
    public AuditLogOwnership? AuditLogOwnership { get; init; }

    public static DatabaseFacts Unread(string problem) => new(DatabaseState.Unreachable, problem);

    public static async Task<DatabaseFacts> ReadAsync(DatabaseConnection database, TimeProvider clock, CancellationToken ct)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = Backup.SqliteFiles.DataSourceOf(database.ConnectionString);
            // Opening it read-only would fail, and the host makes it at its first start: nothing to hold against the install yet.
            if (!File.Exists(file)) return new DatabaseFacts(DatabaseState.NotCreated, $"the SQLite file {file} does not exist yet (the host creates it at its first start)");
        }
        try
        {
            await using var connection = await OpenReadOnlyAsync(database, ct);
            var queries = new DatabaseQueries(connection, database.Provider);
            if (!await queries.HasTableAsync("AspNetUsers", ct))
                return new DatabaseFacts(DatabaseState.NotCreated, $"{Describe(database)} holds no ProcessEngine tables yet (the host makes them at its first start)");
            return new DatabaseFacts(DatabaseState.Read, Describe(database))
            {
                DemoAccounts = await queries.DemoAccountsAsync(ct),
                ActiveAdmins = await queries.ActiveAdminsAsync(clock.GetUtcNow(), ct),
                HasAuditLines = await queries.HasTableAsync("AuditLog", ct) && await queries.HasAuditLinesAsync(ct),
                AuditLogOwnership = database.Provider == DatabaseProvider.PostgreSql ? await queries.AuditLogOwnershipAsync(ct) : null,
            };
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or System.Net.Sockets.SocketException or TimeoutException or ArgumentException)
        {
            return Unread($"{Describe(database)} cannot be read: {ex.Message}");
        }
    }

    private static async Task<DbConnection> OpenReadOnlyAsync(DatabaseConnection database, CancellationToken ct)
    {
        DbConnection connection = database.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString())
            : new NpgsqlConnection(ReadOnlyPostgreSql(database.ConnectionString));
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every transaction of the session read-only, and a short wait for an unreachable server.</summary>
    private static string ReadOnlyPostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5, Pooling = false };
        builder.Options = $"{builder.Options} -c default_transaction_read_only=on".Trim();
        return builder.ToString();
    }

    private static string Describe(DatabaseConnection database)
    {
        if (database.Provider == DatabaseProvider.Sqlite) return $"the SQLite file {Backup.SqliteFiles.DataSourceOf(database.ConnectionString)}";
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        return $"the PostgreSQL database {builder.Database} on {builder.Host}:{builder.Port} (as {builder.Username})";
    }
}
