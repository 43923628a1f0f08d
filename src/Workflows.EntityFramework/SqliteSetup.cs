using Microsoft.EntityFrameworkCore;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// The engine's tables on the embedded database: one SQLite file in WAL mode (readers run beside the one
/// writer) and synchronous=FULL, so a committed step survives a power cut: a lost timer or task is a
/// family nobody looked at again. The connection string itself is set up by the data foundation.
/// </summary>
public static class SqliteSetup
{
    // synchronous=FULL is the bundled SQLite's compiled default, in WAL mode too (DEFAULT_WAL_SYNCHRONOUS=2;
    // a test guards it), so pooled connections need no per-open PRAGMA; the change writer still sets it
    // explicitly on its one connection, the one that commits the engine's steps.
    public static void Configure(DbContextOptionsBuilder options, string connectionString) => options.UseSqlite(connectionString);

    /// <summary>Applies the migrations and switches the file to WAL (a setting the file keeps).</summary>
    public static async Task MigrateAsync(WorkflowDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await FactRollupBackfill.RunAsync(db, ct);
    }
}
