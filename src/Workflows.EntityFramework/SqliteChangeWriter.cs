using ProcessEngine.Data;
using ProcessEngine.Data.Work;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// Commits a pass on SQLite. SQLite has one writer, so this process writes through one dedicated
/// connection, one pass at a time: in-process writers queue here instead of spinning on the database
/// lock, statements stay prepared across commits, and the transaction is BEGIN IMMEDIATE … COMMIT with
/// nothing but these statements inside (no reads, no network I/O). Another process writing the same file
/// still works: the busy timeout makes this connection wait for its lock. The caller's parts of the same
/// action (its audit line) run last inside the transaction, holding the write lock, so what they read (the
/// audit chain's last line) cannot change before they commit.
/// </summary>
public sealed class SqliteChangeWriter(string connectionString, IModel model) : IChangeWriter, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, SqliteCommand> _prepared = [];
    private readonly ChangeStatements _statements = new(model);
    private SqliteConnection? _connection;

    public async Task WriteAsync(WorkflowChanges changes, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var connection = Connection();
            using var transaction = connection.BeginTransaction(deferred: false);
            try
            {
                await _statements.ApplyAsync(changes, (sql, declare, bind) => ValueTask.FromResult(Run(sql, declare, bind, transaction)));
                foreach (var part in changes.PartsAlongside) await part.WriteAsync(transaction, changes, ct);
                DatabaseWork.Commit(transaction.Commit);
            }
            catch
            {
                transaction.Rollback();
                throw;
            }
        }
        catch (SqliteException)
        {
            // The connection may be unusable after an I/O or lock error: start afresh next time.
            Reset();
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private int Run(string sql, Action<DbCommand> declare, Action<DbCommand> bind, SqliteTransaction transaction)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            declare(command);
            command.Prepare();
            _prepared[sql] = command;
        }
        command.Transaction = transaction;
        bind(command);
        return DatabaseWork.Timed(command.ExecuteNonQuery);
    }

    private SqliteConnection Connection()
    {
        if (_connection is not null) return _connection;
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        using var pragma = _connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL;";
        pragma.ExecuteNonQuery();
        SqliteLockWaiting.Apply(_connection);
        return _connection;
    }

    private void Reset()
    {
        foreach (var command in _prepared.Values) command.Dispose();
        _prepared.Clear();
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Reset();
        _gate.Dispose();
    }
}
