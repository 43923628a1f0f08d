using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>How a domain service commits a user action with what the caller writes alongside it (its audit line).</summary>
public static class UnitOfWorkSave
{
    /// <summary>
    /// Saves the context's changes and <paramref name="alongside"/> in one transaction: both or neither. On SQLite
    /// the transaction is BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so the part reads the audit chain's
    /// last line under the write lock. Without a part this is a plain save.
    /// </summary>
    public static async Task SaveWithAsync(this DbContext db, IUnitOfWorkPart? alongside, CancellationToken ct)
    {
        if (alongside is null)
        {
            await db.SaveChangesAsync(ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await alongside.WriteAsync(transaction.GetDbTransaction(), null, ct);
        await transaction.CommitAsync(ct);
    }
}
