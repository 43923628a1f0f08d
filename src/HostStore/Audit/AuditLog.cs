using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// Appends to the hash-chained audit log. Lines are written one at a time (the chain needs the previous
/// hash): in this process behind a lock, and across PostgreSQL nodes inside a transaction that holds an
/// advisory lock, so the nodes queue instead of racing.
/// Racing on the sequence key alone (read the last line, insert the next, retry on a taken number) lost
/// ten times in a row under two busy nodes and failed the request. The primary key on the sequence stays
/// the last guard: a writer that still finds its number taken chains onto the new last line and retries.
/// </summary>
public sealed class AuditLog(IDbContextFactory<HostDbContext> contexts, AuditKeys keys, IOptions<AuditOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private const int MaxAttempts = 10;
    // Any fixed number: it names this lock among the advisory locks of the database (the start-up lock has another).
    private const long ChainLockKey = 0x4175_6469_7443_6861;

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        await _writer.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await using var transaction = await LockChainAsync(db, ct);
                var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
                    .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
                var entry = new AuditEntry
                {
                    Sequence = (last?.Sequence ?? 0) + 1,
                    At = Stored(clock.GetUtcNow()),
                    EventCode = record.EventCode,
                    Action = record.Action,
                    Outcome = record.Outcome,
                    UserId = record.UserId,
                    Role = record.Role,
                    OnBehalfOf = record.OnBehalfOf,
                    CasusCode = record.CasusCode,
                    Purpose = record.Purpose,
                    SourceAddress = record.SourceAddress,
                    Detail = Shorten(record.Detail),
                    PreviousHash = last?.Hash ?? AuditChain.Genesis,
                    KeyId = keys.CurrentKeyId,
                    Node = options.Value.NodeName,
                };
                entry.Hash = AuditChain.HashOf(entry, keys);
                db.AuditLog.Add(entry);
                try
                {
                    await db.SaveChangesAsync(ct);
                    if (transaction is not null) await transaction.CommitAsync(ct);
                    return entry;
                }
                catch (DbUpdateException ex) when (attempt < MaxAttempts && IsTakenSequence(ex))
                {
                    // Another process (or node) wrote this sequence number first; chain onto its line.
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>The last line's sequence and hash (what a checkpoint records), or null while the log is empty.</summary>
    public async Task<(long Sequence, string Hash)?> LastAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : (last.Sequence, last.Hash);
    }

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lines = db.AuditLog.AsNoTracking();
        if (query.CasusCode is { Length: > 0 } casus) lines = lines.Where(e => e.CasusCode == casus);
        if (query.UserId is { Length: > 0 } user) lines = lines.Where(e => e.UserId == user);
        if (query.EventCode is { Length: > 0 } code) lines = lines.Where(e => e.EventCode == code);
        if (query.From is { } from) lines = lines.Where(e => e.At >= from);
        if (query.To is { } to) lines = lines.Where(e => e.At < to);
        if (query.BeforeSequence is { } before) lines = lines.Where(e => e.Sequence < before);
        return await lines.OrderByDescending(e => e.Sequence).Take(Math.Clamp(query.Take, 1, 500)).ToListAsync(ct);
    }

    /// <summary>
    /// On PostgreSQL: opens a transaction and takes the chain's advisory lock, held until commit or rollback
    /// (also when the node dies, as its connection closes), so the nodes append one at a time. SQLite has
    /// one writing process, which the in-process lock already orders; a transaction there (BEGIN IMMEDIATE,
    /// to take the write lock before the read) cost a quarter of the load benchmark's completions per second.
    /// </summary>
    private static async Task<IDbContextTransaction?> LockChainAsync(HostDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return null;
        var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [ChainLockKey], ct);
        return transaction;
    }

    // SQLITE_CONSTRAINT, or PostgreSQL's unique_violation: the key (the sequence number) is taken.
    private static bool IsTakenSequence(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };

    /// <summary>The time as the database gives it back (whole milliseconds, UTC), so the hash computed now still holds when read.</summary>
    private static DateTimeOffset Stored(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static string? Shorten(string? detail) => detail is { Length: > 200 } ? detail[..200] : detail;
}

/// <summary>Filters for the admins' search, newest first; page on by passing the last sequence seen.</summary>
public sealed record AuditQuery(string? CasusCode = null, string? UserId = null, string? EventCode = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, long? BeforeSequence = null, int Take = 100);
