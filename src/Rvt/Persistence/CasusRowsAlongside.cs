using System.Data.Common;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>
/// The domain's rows of a user action that also starts or moves a flow (a new casus with its traject, linked to the
/// traject's new instance), written by a <see cref="CasusDbContext"/> on the engine's connection inside the engine's
/// transaction: the casus and its flow exist together or not at all. <paramref name="apply"/> sees what the engine
/// commits (the new instance's id).
/// </summary>
public sealed class CasusRowsAlongside(Action<CasusDbContext, WorkflowChanges?> apply) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await using var db = await JoinedContext.JoinAsync<CasusDbContext>(transaction, options => new(options), ct);
        apply(db, engineChanges);
        await db.SaveChangesAsync(ct);
    }
}
