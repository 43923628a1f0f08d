using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore.Audit;

/// <summary>What the verifier found wrong, by the kind of tampering it points to.</summary>
public enum AuditTampering
{
    /// <summary>A line's fields no longer match its keyed hash, while the next line still links to it.</summary>
    Edited,
    /// <summary>A line not made by the log: its hash does not verify and the line after it links past it.</summary>
    Inserted,
    /// <summary>A sequence number is missing, or a line no longer links to the one before it.</summary>
    Deleted,
    /// <summary>The log ends before the last checkpoint's line.</summary>
    DeletedTail,
    /// <summary>The log is empty while a checkpoint says it had lines.</summary>
    Emptied,
    /// <summary>Lines that link to each other but whose hashes were not made with the key (or differ from a checkpoint).</summary>
    RecomputedWithoutKey,
    /// <summary>A line names a key that is not configured.</summary>
    UnknownKey,
    /// <summary>A checkpoint line that does not parse or is not signed by a configured key.</summary>
    ForgedCheckpoint,
}

/// <summary>The outcome of walking the chain: how many lines held, and the first problem found.</summary>
public sealed record AuditVerification(long LinesChecked, long? BrokenAt, string? Problem, AuditTampering? Kind = null, int CheckpointsChecked = 0)
{
    public bool Intact => Kind is null;
}

/// <summary>
/// Walks the whole audit log in order and recomputes every keyed link, then holds the log against the signed
/// checkpoints written outside the database. Reports the first problem and names its kind.
/// </summary>
public sealed class AuditVerifier(IDbContextFactory<HostDbContext> contexts, AuditKeys keys, AuditCheckpointFile checkpointFile, DatabaseConnection database)
{
    private const int Page = 2_000;

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default) => VerifyAsync(checkpointFile, database.Identity, ct);

    /// <summary>
    /// Verifies against another checkpoints file: the one saved beside a backup copy, whose checkpoints name the
    /// database the copy was taken from (<paramref name="checkpointsDatabase"/>) rather than the copy's own path.
    /// </summary>
    public Task<AuditVerification> VerifyAsync(string checkpointsPath, string checkpointsDatabase, CancellationToken ct = default) =>
        VerifyAsync(new AuditCheckpointFile(Microsoft.Extensions.Options.Options.Create(new AuditOptions { Checkpoints = { Path = checkpointsPath } })),
            checkpointsDatabase, ct);

    private async Task<AuditVerification> VerifyAsync(AuditCheckpointFile source, string checkpointsDatabase, CancellationToken ct)
    {
        var checkpoints = new List<AuditCheckpoint>();
        foreach (var (line, checkpoint) in await source.ReadAsync(ct))
        {
            if (checkpoint is null)
                return new AuditVerification(0, null, $"line {line} of {source.Path} is not a checkpoint", AuditTampering.ForgedCheckpoint);
            if (checkpoint.Database != checkpointsDatabase) continue; // another database's checkpoint in a shared file
            if (!checkpoint.IsSignedBy(keys))
                return new AuditVerification(0, null, $"checkpoint {line} in {source.Path} is not signed by a configured key", AuditTampering.ForgedCheckpoint);
            checkpoints.Add(checkpoint);
        }
        var recorded = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.First());
        var hashes = new Dictionary<long, string>();

        await using var db = await contexts.CreateDbContextAsync(ct);
        AuditEntry? previous = null;
        var keyedSeen = false;
        await foreach (var (entry, next) in WithNext(db, ct))
        {
            var expected = (previous?.Sequence ?? 0) + 1;
            var checkedLines = expected - 1;
            if (entry.Sequence != expected)
                return Broken(checkedLines, expected, AuditTampering.Deleted, entry.Sequence == expected + 1
                    ? $"line {expected} is missing"
                    : $"lines {expected} to {entry.Sequence - 1} are missing");
            if (entry.KeyId is { } keyId && !keys.Knows(keyId))
                return Broken(checkedLines, entry.Sequence, AuditTampering.UnknownKey, $"line {entry.Sequence} names key '{keyId}', which is not configured");
            if (entry.KeyId is null && keyedSeen)
                return Broken(checkedLines, entry.Sequence, AuditTampering.RecomputedWithoutKey,
                    $"line {entry.Sequence} carries no key, after keyed lines: the chain from here was rewritten without the key");
            keyedSeen |= entry.KeyId is not null;

            var previousHash = previous?.Hash ?? AuditChain.Genesis;
            var hashHolds = AuditChain.HashOf(entry, keys) == entry.Hash;
            if (!hashHolds)
            {
                var kind = Classify(entry, previousHash, next);
                return Broken(checkedLines, entry.Sequence, kind, Explain(kind, entry, next, recorded));
            }
            if (entry.PreviousHash != previousHash)
                return Broken(checkedLines, entry.Sequence, AuditTampering.Deleted,
                    $"line {entry.Sequence} does not link to line {entry.Sequence - 1}: the line it followed was removed or replaced");
            if (recorded.ContainsKey(entry.Sequence)) hashes[entry.Sequence] = entry.Hash;
            previous = entry;
        }

        var lines = previous?.Sequence ?? 0;
        return AgainstCheckpoints(lines, hashes, checkpoints) ?? new AuditVerification(lines, null, null, null, checkpoints.Count);
    }

    /// <summary>What a line whose keyed hash fails most likely is, judged by its neighbours and the checkpoints.</summary>
    private AuditTampering Classify(AuditEntry entry, string previousHash, AuditEntry? next)
    {
        if (next is not null && next.PreviousHash == entry.Hash && AuditChain.HashOf(next, keys) != next.Hash)
            return AuditTampering.RecomputedWithoutKey;
        if (next is not null && next.PreviousHash == entry.Hash) return AuditTampering.Edited;
        if (next is not null && next.PreviousHash == previousHash) return AuditTampering.Inserted;
        // The last line has no neighbour to judge by: changed is the likelier story (a checkpoint that recorded its
        // sequence proves it), added without the key the other; the message names both.
        return AuditTampering.Edited;
    }

    private static string Explain(AuditTampering kind, AuditEntry entry, AuditEntry? next, IReadOnlyDictionary<long, AuditCheckpoint> recorded) =>
        kind switch
        {
            AuditTampering.RecomputedWithoutKey => $"lines from {entry.Sequence} on link to each other, but their hashes were not made with the audit key: the chain was recomputed",
            AuditTampering.Inserted when next is not null => $"line {entry.Sequence} was inserted: it was not made with the audit key and line {next.Sequence} links past it to line {entry.Sequence - 1}",
            _ when next is null && !recorded.ContainsKey(entry.Sequence) =>
                $"line {entry.Sequence} (the last) does not verify with the audit key: it was changed after it was written, or added without the key",
            _ => $"line {entry.Sequence} was changed after it was written",
        };

    private static AuditVerification? AgainstCheckpoints(long lines, IReadOnlyDictionary<long, string> hashes, IReadOnlyList<AuditCheckpoint> checkpoints)
    {
        if (checkpoints.Count == 0) return null;
        var last = checkpoints.MaxBy(c => c.Sequence)!;
        if (lines == 0 && last.Sequence > 0)
            return new AuditVerification(0, 1, $"the log is empty, but the checkpoint of {last.At:u} ({last.Node}) recorded {last.Sequence} line(s)",
                AuditTampering.Emptied, checkpoints.Count);
        if (lines < last.Sequence)
            return new AuditVerification(lines, lines + 1, $"the log ends at line {lines}, but the checkpoint of {last.At:u} ({last.Node}) recorded line {last.Sequence}: lines {lines + 1} to {last.Sequence} were deleted",
                AuditTampering.DeletedTail, checkpoints.Count);
        foreach (var checkpoint in checkpoints.OrderBy(c => c.Sequence).Where(c => c.Sequence > 0))
            if (hashes.GetValueOrDefault(checkpoint.Sequence) != checkpoint.Hash)
                return new AuditVerification(checkpoint.Sequence - 1, checkpoint.Sequence, $"line {checkpoint.Sequence} differs from the checkpoint of {checkpoint.At:u} ({checkpoint.Node}): the chain was rewritten",
                    AuditTampering.RecomputedWithoutKey, checkpoints.Count);
        return null;
    }

    private static AuditVerification Broken(long checkedLines, long at, AuditTampering kind, string problem) => new(checkedLines, at, problem, kind);

    /// <summary>Every line in sequence order, each with the line after it (the classification needs one line of look-ahead).</summary>
    private static async IAsyncEnumerable<(AuditEntry Entry, AuditEntry? Next)> WithNext(HostDbContext db,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        AuditEntry? held = null;
        var from = 0L;
        while (true)
        {
            var start = from;
            var page = await db.AuditLog.AsNoTracking().Where(e => e.Sequence > start).OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            foreach (var entry in page)
            {
                if (held is not null) yield return (held, entry);
                held = entry;
            }
            if (page.Count < Page) break;
            from = page[^1].Sequence;
        }
        if (held is not null) yield return (held, null);
    }
}
