using Microsoft.Extensions.Options;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Backup;

/// <summary>What a backup wrote: the copy, its size and what it holds, and the checkpoints saved beside it.</summary>
public sealed record BackupResult(string Path, long Bytes, long Trajecten, long AuditLines, string CheckpointsPath, int Checkpoints, bool EndCheckpoint);

/// <summary>A backup that was not made, for a reason the operator can fix.</summary>
public sealed class BackupRefusedException(string message) : Exception(message);

/// <summary>
/// Copies a SQLite database that a host may be writing to, through SQLite's online backup API: the copy is one
/// consistent snapshot (a read transaction in WAL mode, which does not hold writers up), where copying the file could
/// catch a page half written or miss what is still in the write-ahead log. Beside it go the audit checkpoints of that
/// moment, so the copy can be verified later against what was signed when it was made.
/// </summary>
public sealed class SqliteBackup(DatabaseConnection database, AuditCheckpointFile checkpoints, IOptions<AuditOptions> audit, TimeProvider clock)
{
    /// <param name="keys">Signs a checkpoint of the copy's last audit line; null when the keys cannot be read (then only the saved ones go along).</param>
    public async Task<BackupResult> CreateAsync(string target, bool force, AuditKeys? keys, CancellationToken ct = default)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
            throw new BackupRefusedException("The configured database is PostgreSQL: back it up with pg_dump -Fc (see \"Backup and restore\" in the README).");
        target = Path.GetFullPath(target);
        var source = SqliteFiles.DataSourceOf(database.ConnectionString);
        if (target == source) throw new BackupRefusedException($"{target} is the database itself; choose another file.");
        if (!File.Exists(source)) throw new BackupRefusedException($"There is no database at {source}.");
        if (File.Exists(target) && !force) throw new BackupRefusedException($"{target} exists; add --force to overwrite it.");
        if (Path.GetDirectoryName(target) is { Length: > 0 } folder) Directory.CreateDirectory(folder);

        // The checkpoints are read before the copy is made: every one of them then lies within the copy. Read after,
        // one written meanwhile could name a line the copy does not have, and the copy would look cut short.
        var saved = (await checkpoints.ReadAsync(ct)).Select(c => c.Checkpoint)
            .Where(c => c is not null && c.Database == database.Identity).Select(c => c!).ToList();

        // Written under temporary names and moved into place last: a copy that failed halfway never carries the real name.
        var partial = target + ".partial";
        var partialCheckpoints = SqliteFiles.CheckpointsOf(target) + ".partial";
        Delete(partial, partialCheckpoints);
        long trajecten, auditLines;
        (long Sequence, string Hash)? last;
        using (var from = SqliteFiles.Open(source, Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly))
        using (var to = SqliteFiles.Open(partial))
        {
            from.BackupDatabase(to);
            // One self-contained file: no write-ahead log to forget when the copy is moved or mailed.
            await ExecuteAsync(to, "PRAGMA journal_mode=DELETE;", ct);
            trajecten = await SqliteFiles.ScalarAsync(to, "SELECT COUNT(*) FROM Trajecten", ct);
            auditLines = await SqliteFiles.ScalarAsync(to, "SELECT COUNT(*) FROM AuditLog", ct);
            last = await LastAuditLineAsync(to, ct);
        }

        var file = new AuditCheckpointFile(Options.Create(new AuditOptions { Checkpoints = { Path = partialCheckpoints } }));
        foreach (var checkpoint in saved) await file.AppendAsync(checkpoint, ct);
        // A checkpoint of the copy's own end, so that even its last lines (after the host's latest checkpoint) are covered.
        var end = keys is not null && last is { } l
            ? AuditCheckpoint.Create(database.Identity, l.Sequence, l.Hash, clock.GetUtcNow(), "backup " + audit.Value.NodeName, keys)
            : null;
        if (end is not null) await file.AppendAsync(end, ct);
        if (!File.Exists(partialCheckpoints)) await File.WriteAllTextAsync(partialCheckpoints, "", ct);

        File.Move(partialCheckpoints, SqliteFiles.CheckpointsOf(target), overwrite: true);
        File.Move(partial, target, overwrite: true);
        return new BackupResult(target, new FileInfo(target).Length, trajecten, auditLines, SqliteFiles.CheckpointsOf(target),
            saved.Count + (end is null ? 0 : 1), end is not null);
    }

    private static async Task<(long, string)?> LastAuditLineAsync(Microsoft.Data.Sqlite.SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Sequence, Hash FROM AuditLog ORDER BY Sequence DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static async Task ExecuteAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void Delete(params string[] files)
    {
        foreach (var file in files) File.Delete(file);
    }
}
