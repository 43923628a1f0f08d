using System.Data.Common;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// What the caller of one user action writes in the same database transaction as the engine's changes of
/// that action: its audit line, later its outbox rows. The store runs every part on its own connection and
/// transaction, after the engine's statements and before COMMIT, so the action is stored with its parts or
/// not at all. A part that throws rolls the whole action back; a pass retried after a lost race runs the
/// part again in the new transaction, so a part writes afresh each time it is called.
/// </summary>
public interface IUnitOfWorkPart
{
    /// <param name="changes">What the engine commits in this transaction (a retry's line says whether it faulted again).</param>
    ValueTask WriteAsync(WorkflowChanges changes, DbTransaction transaction, CancellationToken ct);
}
