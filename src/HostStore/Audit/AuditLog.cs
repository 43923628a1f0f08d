using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using ProcessEngine.Data;
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
                var entry = Chained(record, await LastOfAsync(db, ct));
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
        catch (Exception ex) when (ex is DbException or DbUpdateException)
        {
            throw new AuditUnavailableException(ex);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Appends a line inside a transaction the caller holds (the engine's, of the user action the line is about),
    /// so the line and the change commit together or not at all. The caller's transaction must already hold the
    /// database's write lock (SQLite: BEGIN IMMEDIATE) or be one this method may lock the chain in (PostgreSQL:
    /// the chain's advisory lock, held until that transaction ends); then the last line read here stays the last
    /// until commit. It does not take this process's writer lock: a line appended outside (by
    /// <see cref="AppendAsync"/>) that was waiting for the database finds its number taken and chains on afresh.
    /// </summary>
    public async Task<AuditEntry> AppendInAsync(AuditRecord record, DbTransaction transaction, CancellationToken ct = default)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        try
        {
            if (connection is Npgsql.NpgsqlConnection)
                await RunAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({ChainLockKey})", static _ => { }, ct);
            (long Sequence, string Hash)? last = null;
            await using (var read = Command(connection, transaction, LastLineSql))
            await using (var reader = await read.ExecuteReaderAsync(ct))
                if (await reader.ReadAsync(ct)) last = (reader.GetInt64(0), reader.GetString(1));
            var entry = Chained(record, last);
            await RunAsync(connection, transaction, InsertSql, command => BindInsert(command, entry), ct);
            return entry;
        }
        catch (DbException ex)
        {
            throw new AuditUnavailableException(ex);
        }
    }

    /// <summary>The last line's sequence and hash (what a checkpoint records), or null while the log is empty.</summary>
    public async Task<(long Sequence, string Hash)?> LastAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LastOfAsync(db, ct);
    }

    private static async Task<(long Sequence, string Hash)?> LastOfAsync(HostDbContext db, CancellationToken ct)
    {
        var last = await db.AuditLog.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return last is null ? null : (last.Sequence, last.Hash);
    }

    /// <summary>The next line of the chain after <paramref name="last"/>: numbered, stamped, keyed and hashed.</summary>
    private AuditEntry Chained(AuditRecord record, (long Sequence, string Hash)? last)
    {
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
            CasusCodes = record.CasusCodes,
            Purpose = record.Purpose,
            SourceAddress = record.SourceAddress,
            Detail = Shorten(record.Detail),
            PreviousHash = last?.Hash ?? AuditChain.Genesis,
            KeyId = keys.CurrentKeyId,
            Node = options.Value.NodeName,
        };
        entry.Hash = AuditChain.HashOf(entry, keys);
        return entry;
    }

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lines = db.AuditLog.AsNoTracking();
        // A casus was also shown in every list view that named it.
        if (query.CasusCode is { Length: > 0 } casus)
            lines = lines.Where(e => e.CasusCode == casus || ("," + e.CasusCodes + ",").Contains("," + casus + ","));
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

    // The statements of AppendInAsync, in SQL both providers read (quoted names as EF Core made the table;
    // times as the ticks every context stores, TimeAsTicks).
    private const string LastLineSql = """SELECT "Sequence", "Hash" FROM "AuditLog" ORDER BY "Sequence" DESC LIMIT 1""";
    private static readonly string[] Columns =
        ["Sequence", "At", "EventCode", "Action", "Outcome", "UserId", "Role", "OnBehalfOf", "CasusCode", "CasusCodes", "Purpose",
         "SourceAddress", "Node", "Detail", "PreviousHash", "KeyId", "Hash"];
    private static readonly string InsertSql =
        $"INSERT INTO \"AuditLog\" ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";

    private static void BindInsert(DbCommand command, AuditEntry entry)
    {
        object?[] values =
        [
            entry.Sequence, TimeAsTicks.Converter.ConvertToProvider(entry.At), entry.EventCode, entry.Action, entry.Outcome, entry.UserId,
            entry.Role, entry.OnBehalfOf, entry.CasusCode, entry.CasusCodes, entry.Purpose, entry.SourceAddress, entry.Node, entry.Detail,
            entry.PreviousHash, entry.KeyId, entry.Hash,
        ];
        for (var i = 0; i < Columns.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + Columns[i];
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static async Task RunAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> bind,
        CancellationToken ct)
    {
        await using var command = Command(connection, transaction, sql);
        bind(command);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Filters for the admins' search, newest first; page on by passing the last sequence seen.</summary>
public sealed record AuditQuery(string? CasusCode = null, string? UserId = null, string? EventCode = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, long? BeforeSequence = null, int Take = 100);
