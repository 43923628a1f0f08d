using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Backup;

/// <summary>A restore that did not happen, with the reason; the target was not touched.</summary>
public sealed class RestoreRefusedException(string message) : Exception(message);

/// <summary>What a restore did: where the database now is, what the copy held, and where its checkpoints went.</summary>
public sealed record RestoreResult(string Target, long Bytes, RestoreFindings Findings, string Checkpoints);

/// <summary>
/// Puts a backup copy in the place of a SQLite database. The copy is first copied next to the target and checked
/// there (<see cref="RestoreCheck"/>); only then is it renamed over the target, one atomic step on the same file
/// system, so a refused or failed restore leaves the existing database as it was. The target's lock is held from
/// before the first check until the copy is in place: no host can start on it meanwhile, and none may be running.
/// </summary>
public static class SqliteRestore
{
    public static async Task<RestoreResult> RunAsync(string backup, string target, bool force, AuditKeys keys, string? checkpointsPath,
        TimeProvider clock, CancellationToken ct = default)
    {
        backup = Path.GetFullPath(backup);
        target = Path.GetFullPath(target);
        var saved = SqliteFiles.CheckpointsOf(backup);
        if (!File.Exists(backup)) throw new RestoreRefusedException($"There is no backup at {backup}.");
        if (!File.Exists(saved))
            throw new RestoreRefusedException($"The audit checkpoints of the copy are missing ({saved}): without them a copy cut short cannot be told apart.");
        if (backup == target) throw new RestoreRefusedException($"{backup} is the target itself.");

        using var held = DatabaseFileLock.TryAcquire(target) ?? throw new RestoreRefusedException(
            $"A host is running on {target} (it holds {DatabaseFileLock.PathFor(target)}): stop it first. Nothing was changed.");
        if (File.Exists(target) && !force)
            throw new RestoreRefusedException($"{target} exists; add --force to replace it. Nothing was changed.");

        var staged = $"{target}.restore-{Guid.NewGuid():N}";
        try
        {
            File.Copy(backup, staged);
            var findings = await RestoreCheck.RunAsync(staged, saved, keys, ct);
            if (!findings.Acceptable) throw new RestoreRefusedException($"Restore refused: {findings.Problem}. {target} was not changed.");
            FoldInOldLog(target);
            File.Move(staged, target, overwrite: true);
            var identity = "sqlite:" + target;
            var placed = await CheckpointPlacement.PlaceAsync(saved, checkpointsPath, identity, keys, clock, ct);
            return new RestoreResult(target, new FileInfo(target).Length, findings, placed);
        }
        finally
        {
            foreach (var file in SqliteFiles.SideFilesOf(staged).Append(staged)) File.Delete(file);
        }
    }

    /// <summary>
    /// Leaves no write-ahead log of the replaced database beside the target: SQLite would replay its frames into the
    /// restored file, which they do not belong to. The log is first checkpointed into its own database (so a failure
    /// before the rename loses nothing of it), then whatever is left is removed.
    /// </summary>
    private static void FoldInOldLog(string target)
    {
        if (File.Exists(target))
        {
            try
            {
                using var old = SqliteFiles.Open(target, Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite);
                using var command = old.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                command.ExecuteNonQuery();
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // A damaged old database is what is being replaced (with --force); its log goes with it.
            }
        }
        foreach (var file in SqliteFiles.SideFilesOf(target)) File.Delete(file);
    }
}
