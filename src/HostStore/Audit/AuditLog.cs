using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Data;
using ProcessEngine.Data.Work;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// Appends to the hash-chained audit log. Lines are written in order (the chain needs the previous hash): in
/// this process by one writer at a time, and across PostgreSQL nodes inside a transaction that holds an
/// advisory lock, so the nodes queue instead of racing.
/// Lines appended on their own (a read, a refusal) are group-committed: whoever finds the writer free
/// writes every line waiting at that moment, chained in order, in one transaction, and each caller
/// returns once its own line is committed. Under load one commit (and, on PostgreSQL, one turn of the
/// cluster-wide lock) then carries many lines, where one per line made every inbox view wait in one queue.
/// Racing on the sequence key alone (read the last line, insert the next, retry on a taken number) lost
/// ten times in a row under two busy nodes and failed the request. The primary key on the sequence stays
/// the last guard: a writer that still finds its number taken chains onto the new last line and retries.
/// </summary>
public sealed class AuditLog(IDbContextFactory<HostDbContext> contexts, DatabaseConnection database, AuditKeys keys, IOptions<AuditOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly ConcurrentQueue<Waiting> _waiting = new();
    private const int MaxAttempts = 10;
    // Enough to empty the queue of a busy node in one commit, small enough to keep that commit short.
    private const int MaxBatch = 200;
    // Any fixed number: it names this lock among the advisory locks of the database (the start-up lock has another).
    private const long ChainLockKey = 0x4175_6469_7443_6861;

    /// <summary>
    /// Appends one line in a transaction of its own and returns it once committed. A caller that gives up
    /// (<paramref name="ct"/>) while waiting for the writer leaves its line queued: it is still written, so
    /// a read that was answered is never missing from the log.
    /// </summary>
    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken ct = default)
    {
        var line = new Waiting(record);
        _waiting.Enqueue(line);
        while (!line.Written.Task.IsCompleted)
        {
            await _writer.WaitAsync(ct);
            try
            {
                // Another caller may have written this line while we waited for the writer.
                if (!line.Written.Task.IsCompleted) await WriteWaitingAsync();
            }
            finally
            {
                _writer.Release();
            }
        }
        return await line.Written.Task;
    }

    /// <summary>Writes the lines waiting now, in one transaction; each caller learns its own outcome.</summary>
    private async Task WriteWaitingAsync()
    {
        var batch = new List<Waiting>();
        while (batch.Count < MaxBatch && _waiting.TryDequeue(out var next)) batch.Add(next);
        if (batch.Count == 0) return;
        try
        {
            var entries = await CommitAsync(batch.Select(w => w.Record).ToList());
            for (var i = 0; i < batch.Count; i++) batch[i].Written.TrySetResult(entries[i]);
        }
        catch (Exception ex)
        {
            var failure = ex is DbException ? new AuditUnavailableException(ex) : ex;
            foreach (var waiting in batch) waiting.Written.TrySetException(failure);
        }
    }

    // Plain statements on a connection of its own: no context to build, nothing to track. Not the callers' tokens:
    // the batch carries other callers' lines, which one caller's cancel must not fail.
    private async Task<IReadOnlyList<AuditEntry>> CommitAsync(IReadOnlyList<AuditRecord> records)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync();
            if (connection is SqliteConnection opened) SqliteLockWaiting.Apply(opened);
            // SQLite: BEGIN IMMEDIATE takes the write lock before the last line is read, so it stays the last.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: false)
                : await connection.BeginTransactionAsync();
            try
            {
                var entries = await ChainAsync(records, connection, transaction, CancellationToken.None);
                await DatabaseWork.CommitAsync(() => transaction.CommitAsync());
                return entries;
            }
            catch (DbException ex) when (attempt < MaxAttempts && IsTakenSequence(ex))
            {
                // Another process (or node) wrote this sequence number first; chain onto its line.
                await transaction.RollbackAsync();
            }
        }
    }

    private sealed class Waiting(AuditRecord record)
    {
        public AuditRecord Record { get; } = record;
        public TaskCompletionSource<AuditEntry> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
            return (await ChainAsync([record], connection, transaction, ct))[0];
        }
        catch (DbException ex)
        {
            throw new AuditUnavailableException(ex);
        }
    }

    /// <summary>
    /// Appends <paramref name="records"/> in <paramref name="transaction"/>, in order, after the chain's last line. On
    /// PostgreSQL it first takes the chain's advisory lock (held to the transaction's end); on SQLite the transaction
    /// already holds the write lock.
    /// </summary>
    private async Task<IReadOnlyList<AuditEntry>> ChainAsync(IReadOnlyList<AuditRecord> records, DbConnection connection,
        DbTransaction transaction, CancellationToken ct)
    {
        var last = connection is Npgsql.NpgsqlConnection postgres
            ? await LockedLastLineAsync(postgres, (Npgsql.NpgsqlTransaction)transaction, ct)
            : await LastLineAsync(connection, transaction, ct);
        var entries = new List<AuditEntry>(records.Count);
        foreach (var record in records)
        {
            var entry = Chained(record, last);
            await RunAsync(connection, transaction, InsertSql, command => BindInsert(command, entry), ct);
            entries.Add(entry);
            last = (entry.Sequence, entry.Hash);
        }
        return entries;
    }

    private static async Task<(long Sequence, string Hash)?> LastLineAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var read = Command(connection, transaction, LastLineSql);
        await using var reader = await DatabaseWork.TimedAsync(() => read.ExecuteReaderAsync(ct));
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>
    /// The chain's lock, then its last line, in one round trip: every other node's changing transaction waits for this lock
    /// until this one commits, so each round trip saved here is saved for all of them. Read committed takes the read's
    /// snapshot when the server reaches it, after the lock was granted, so it sees the line of the transaction before.
    /// </summary>
    private static async Task<(long Sequence, string Hash)?> LockedLastLineAsync(Npgsql.NpgsqlConnection connection,
        Npgsql.NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var batch = new Npgsql.NpgsqlBatch(connection, transaction)
        {
            BatchCommands = { new Npgsql.NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({ChainLockKey})"), new Npgsql.NpgsqlBatchCommand(LastLineSql) },
        };
        await using var reader = await DatabaseWork.TimedAsync(() => batch.ExecuteReaderAsync(ct));
        DatabaseWork.Executed(TimeSpan.Zero); // two statements, one round trip
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
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
        Diagnostics.HostMetrics.AuditLineWritten(entry.Outcome);
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

    // SQLITE_CONSTRAINT, or PostgreSQL's unique_violation: the key (the sequence number) is taken.
    private static bool IsTakenSequence(DbException ex) =>
        ex is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: "23505" };

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
        await DatabaseWork.TimedAsync(() => command.ExecuteNonQueryAsync(ct));
    }
}

/// <summary>Filters for the admins' search, newest first; page on by passing the last sequence seen.</summary>
public sealed record AuditQuery(string? CasusCode = null, string? UserId = null, string? EventCode = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, long? BeforeSequence = null, int Take = 100);
