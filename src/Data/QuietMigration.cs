using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ProcessEngine.Data;

/// <summary>
/// Migrating without false alarms. On a database that has never been migrated, EF Core asks PostgreSQL for the applied
/// migrations by reading the history table, and logs the "relation does not exist" answer as a <c>fail:</c> line before
/// it handles it: on every first start an operator would read three failures that are none. Creating the history table
/// first, with EF's own idempotent script, makes a healthy first start quiet; an existing table is left as it is.
/// </summary>
public static class QuietMigration
{
    public static async Task MigrateQuietlyAsync(this DatabaseFacade database, CancellationToken ct = default)
    {
        var history = database.GetService<IHistoryRepository>();
        await database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await database.MigrateAsync(ct);
    }
}
