using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ProcessEngine.Data;

/// <summary>How a context commits its changes with what a caller writes alongside them (an audit line): both or neither.</summary>
public static class SaveWithTransaction
{
    /// <summary>
    /// Saves the context's changes and then runs <paramref name="alongside"/> on the same transaction before COMMIT. On
    /// SQLite the transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so what the part reads (the audit
    /// chain's last line) cannot change before the commit. Without a part this is a plain save.
    /// </summary>
    public static async Task SaveWithAsync(this DbContext db, Func<DbTransaction, CancellationToken, ValueTask>? alongside, CancellationToken ct)
    {
        if (alongside is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await alongside(transaction.GetDbTransaction(), ct);
        await transaction.CommitAsync(ct);
    }
}
