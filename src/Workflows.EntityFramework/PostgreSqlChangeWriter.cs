using ProcessEngine.Data.Work;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>
/// Commits a pass on PostgreSQL, where many nodes and many execution passes write at once: each pass takes a
/// pooled connection and one READ COMMITTED transaction. A pass that races another for the same instance
/// waits for that row's lock; when the other commits, the version-checked UPDATE finds no row and this
/// pass rolls back as the loser. A deadlock between execution passes touching several instances, or a
/// serialization failure, is the same lost race and reported as such.
/// </summary>
public sealed class PostgreSqlChangeWriter(string connectionString, IModel model) : IChangeWriter, IAsyncDisposable
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);
    private readonly ChangeStatements _statements = new(model);

    public async Task WriteAsync(WorkflowChanges changes, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        try
        {
            await _statements.ApplyAsync(changes, (sql, declare, bind) => RunAsync(connection, transaction, sql, declare, bind, ct));
            // The caller's parts (its audit line) come last: a part that queues on a lock (the audit chain's)
            // then already holds every row lock of the pass, so it cannot be part of a lock cycle.
            foreach (var part in changes.PartsAlongside) await part.WriteAsync(transaction, changes, ct);
            await DatabaseWork.CommitAsync(() => transaction.CommitAsync(ct));
        }
        catch (PostgresException ex) when (ex.SqlState is DeadlockDetected or SerializationFailure)
        {
            throw new ConcurrencyConflictException("Someone else changed the same instance at the same moment.", ex);
        }
    }

    // Npgsql prepares a statement it sees repeatedly on a pooled connection (Max Auto Prepare), so each
    // pass can build its commands afresh without parsing them again.
    private static async ValueTask<int> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        Action<DbCommand> declare, Action<DbCommand> bind, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        declare(command);
        bind(command);
        return await DatabaseWork.TimedAsync(() => command.ExecuteNonQueryAsync(ct));
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
