using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ProcessEngine.Data;

/// <summary>
/// A context of any of the application's DbContexts on a transaction someone else holds (the engine's writer, for
/// one user action): what it saves commits or rolls back with that transaction. The context does not own the
/// connection; disposing it leaves the connection and the transaction to their holder.
/// </summary>
public static class JoinedContext
{
    public static async Task<T> JoinAsync<T>(DbTransaction transaction, Func<DbContextOptions<T>, T> create, CancellationToken ct) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        DatabaseConnection.UseExisting(options, transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection."));
        var db = create(options.Options);
        await db.Database.UseTransactionAsync(transaction, ct);
        return db;
    }
}
