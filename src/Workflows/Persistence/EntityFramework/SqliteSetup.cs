using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

/// <summary>
/// The embedded database: one SQLite file in WAL mode (readers run beside the one writer), a busy
/// timeout so concurrent writers queue instead of failing, and synchronous=FULL so a committed step
/// survives a power cut: a lost timer or task is a family nobody looked at again.
/// </summary>
public static class SqliteSetup
{
    public static string Normalise(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return builder.ToString();
    }

    // synchronous=FULL is the bundled SQLite's compiled default, in WAL mode too (DEFAULT_WAL_SYNCHRONOUS=2;
    // a test guards it), so pooled connections need no per-open PRAGMA; the burst writer still sets it
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
