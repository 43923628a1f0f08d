using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Rvt;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Host.Backup;

/// <summary>What the checks found in a copy: a problem (then nothing is restored), or what it holds.</summary>
public sealed record RestoreFindings(string? Problem, long AuditLines = 0, int Checkpoints = 0, int OlderMigrations = 0)
{
    public bool Acceptable => Problem is null;
}

/// <summary>
/// The checks a copy passes before it may replace a database: SQLite finds no damage, its schema is not newer than
/// this build knows (an older one is migrated at the next start), and its audit chain holds with the keys and against
/// the checkpoints saved beside it. Each check names its reason, so an operator knows which copy to try next.
/// </summary>
public static class RestoreCheck
{
    public static async Task<RestoreFindings> RunAsync(string copy, string checkpointsPath, AuditKeys keys, CancellationToken ct = default)
    {
        try
        {
            if (await IntegrityAsync(copy, ct) is { } damage) return new RestoreFindings($"the copy is damaged (PRAGMA integrity_check: {damage})");
            var database = DatabaseConnection.Sqlite(new SqliteConnectionStringBuilder { DataSource = copy, Mode = SqliteOpenMode.ReadOnly }.ToString());
            try
            {
                await using var services = Services(database, keys);
                var (newer, older) = await MigrationsAsync(services, ct);
                if (newer.Count > 0)
                    return new RestoreFindings($"the copy was made by a newer version of ProcessEngine (migrations this build does not know: {string.Join(", ", newer)}); restore it with that version or a later one");
                var source = await CheckpointedDatabaseAsync(checkpointsPath, ct);
                var audit = await services.GetRequiredService<AuditVerifier>().VerifyAsync(checkpointsPath, source ?? database.Identity, ct);
                if (!audit.Intact)
                    return new RestoreFindings($"the audit log in the copy does not verify ({audit.Kind}) at line {audit.BrokenAt}: {audit.Problem}");
                return new RestoreFindings(null, audit.LinesChecked, audit.CheckpointsChecked, older);
            }
            finally
            {
                // The checks' pooled connections would keep the file open, and it is about to be moved.
                using var pooled = new SqliteConnection(database.ConnectionString);
                SqliteConnection.ClearPool(pooled);
            }
        }
        catch (SqliteException ex)
        {
            return new RestoreFindings($"the copy cannot be read as a ProcessEngine database ({ex.Message})");
        }
    }

    /// <summary>The database the saved checkpoints are about (the one the copy was taken from); null when there are none.</summary>
    public static async Task<string?> CheckpointedDatabaseAsync(string checkpointsPath, CancellationToken ct)
    {
        var file = new AuditCheckpointFile(Microsoft.Extensions.Options.Options.Create(new AuditOptions { Checkpoints = { Path = checkpointsPath } }));
        return (await file.ReadAsync(ct)).LastOrDefault(c => c.Checkpoint is not null).Checkpoint?.Database;
    }

    private static async Task<string?> IntegrityAsync(string copy, CancellationToken ct)
    {
        try
        {
            using var connection = SqliteFiles.Open(copy, SqliteOpenMode.ReadOnly);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(5);";
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
            return lines is ["ok"] ? null : string.Join("; ", lines);
        }
        catch (SqliteException ex)
        {
            // A page damaged badly enough stops the check itself ("database disk image is malformed").
            return ex.Message;
        }
    }

    private static ServiceProvider Services(DatabaseConnection database, AuditKeys keys)
    {
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        services.AddWorkflowStore(database).AddRvtDomain(database).AddHostStore(database);
        services.AddSingleton(keys); // the configured keys, registered last so they are the ones resolved
        return services.BuildServiceProvider();
    }

    /// <summary>Per context, the migrations the copy has that this build lacks (newer), and the count it lacks that this build has (older).</summary>
    private static async Task<(List<string> Newer, int Older)> MigrationsAsync(IServiceProvider services, CancellationToken ct)
    {
        var newer = new List<string>();
        var older = 0;
        foreach (var db in new DbContext[]
        {
            await services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync(ct),
            await services.GetRequiredService<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync(ct),
            await services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync(ct),
        })
        {
            await using (db)
            {
                var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
                newer.AddRange(applied.Where(m => !known.Contains(m)));
                older += known.Count(m => !applied.Contains(m, StringComparer.Ordinal));
            }
        }
        return (newer, older);
    }
}
