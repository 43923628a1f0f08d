using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ProcessEngine.Data.Work;

/// <summary>
/// Counts what a DbContext sends: every statement with its time, every commit. A write sent outside a
/// transaction (EF Core sends a single-row SaveChanges that way) is its own commit. Stateless, so one instance
/// serves every context.
/// </summary>
public static class DatabaseWorkInterceptors
{
    public static IInterceptor[] All { get; } = [new Commands(), new Transactions()];

    private sealed class Commands : DbCommandInterceptor
    {
        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            Count(command, eventData);
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Count(command, eventData);
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Count(command, eventData);
            return result;
        }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result,
            CancellationToken cancellationToken = default)
        {
            Count(command, eventData);
            return ValueTask.FromResult(result);
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command, eventData);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Failed(command, eventData);
            return Task.CompletedTask;
        }

        private static void Failed(DbCommand command, CommandErrorEventData eventData)
        {
            DatabaseWork.Executed(eventData.Duration);
            DatabaseTracing.Record(command, eventData.StartTime, eventData.Duration, failed: true);
        }

        private static void Count(DbCommand command, CommandExecutedEventData eventData)
        {
            var elapsed = eventData.Duration;
            DatabaseWork.Executed(elapsed);
            DatabaseTracing.Record(command, eventData.StartTime, elapsed, failed: false);
            if (command.Transaction is null && IsWrite(command.CommandText)) DatabaseWork.Committed(TimeSpan.Zero);
        }

        private static bool IsWrite(string sql)
        {
            var text = sql.AsSpan().TrimStart();
            return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
                || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed class Transactions : DbTransactionInterceptor
    {
        public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
            DatabaseWork.Committed(eventData.Duration);

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            DatabaseWork.Committed(eventData.Duration);
            return Task.CompletedTask;
        }
    }
}
