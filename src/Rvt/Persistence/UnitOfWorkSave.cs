using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>How a domain service commits a user action with what the caller writes alongside it (its audit line).</summary>
public static class UnitOfWorkSave
{
    /// <summary>The context's changes and <paramref name="alongside"/> in one transaction (<see cref="SaveWithTransaction"/>).</summary>
    public static Task SaveWithAsync(this DbContext db, IUnitOfWorkPart? alongside, CancellationToken ct) =>
        db.SaveWithAsync(alongside is null ? null : (transaction, token) => alongside.WriteAsync(transaction, null, token), ct);
}
