using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcessEngine.Data;

/// <summary>
/// Migrating without false alarms, and without touching a schema that is up to date. On a database that has never been
/// migrated, EF Core asks PostgreSQL for the applied migrations by reading the history table, and logs the "relation does
/// not exist" answer as a <c>fail:</c> line before it handles it: on every first start an operator would read three
/// failures that are none. Creating the history table first, with EF's own idempotent script, makes a healthy first start
/// quiet; an existing table is left as it is.
/// </summary>
public static class QuietMigration
{
    public static async Task MigrateQuietlyAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var history = database.GetService<IHistoryRepository>();
        // Nothing pending: no statement at all that needs more than reading. Even "CREATE TABLE IF NOT EXISTS" and the
        // lock EF takes on the history table need rights on the schema, and on PostgreSQL the host runs under a role that
        // owns no table and has none (README, "Who may write the table"); only the owner's start migrates.
        if (await HistoryExistsAsync(database, history, ct) && !(await database.GetPendingMigrationsAsync(ct)).Any()) return;
        await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await database.MigrateAsync(ct);
    }

    private static async Task<bool> HistoryExistsAsync(DatabaseFacade database, IHistoryRepository history, CancellationToken ct)
    {
        if (!database.IsNpgsql()) return await history.ExistsAsync(ct);
        // Npgsql's ExistsAsync always answers true (it reads the table and catches "does not exist", the failure EF logs).
        // to_regclass resolves the name as EF's unqualified reference does, through the search path, and answers null.
        var options = RelationalOptionsExtension.Extract(database.GetService<IDbContextOptions>());
        var table = Quoted(options.MigrationsHistoryTableName ?? HistoryRepository.DefaultTableName);
        var name = options.MigrationsHistoryTableSchema is { } schema ? $"{Quoted(schema)}.{table}" : table;
        var found = await database.SqlQuery<bool>($"SELECT to_regclass({name}) IS NOT NULL AS \"Value\"").ToListAsync(ct);
        return found[0];
    }

    private static string Quoted(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
