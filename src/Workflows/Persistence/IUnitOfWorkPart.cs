using System.Data.Common;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// What the caller of one user action writes in the same database transaction as the changes of that action
/// (the engine's, or the domain's): its audit line, later its outbox rows. The writer runs every part on its own
/// connection and transaction, after its own statements and before COMMIT, so the action is stored with its parts
/// or not at all. A part that throws rolls the whole action back; a pass retried after a lost race runs the
/// part again in the new transaction, so a part writes afresh each time it is called.
/// </summary>
public interface IUnitOfWorkPart
{
    /// <param name="transaction">The writer's open transaction (and through it, its connection).</param>
    /// <param name="engineChanges">What the engine commits in this transaction (a retry's line says whether it faulted again); null when
    /// the writer is the domain's, not the engine's.</param>
    ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct);

    /// <summary>
    /// Whether this part takes a lock that is held until COMMIT and that other transactions queue for (the audit chain's on
    /// PostgreSQL). Such a part is written after every other, so the queue behind it waits only for the commit.
    /// </summary>
    bool HoldsLockToCommit => false;
}
