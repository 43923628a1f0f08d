using System.Data.Common;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Auditing;

/// <summary>
/// The audit line of one user action that changes the engine's state (claiming, completing, handing on a task;
/// retrying or stopping an instance), handed to the engine so it commits in the same transaction as the change:
/// there is no change without its line, and no line for a change that was rolled back.
/// An action the engine answers without committing anything (claiming one's own task again) still happened:
/// its line is then appended on its own (<see cref="AppendAloneAsync"/>).
/// </summary>
public sealed class AuditLine(AuditLog log, AuditRecord record, Func<WorkflowChanges, string>? outcomeOf = null) : IUnitOfWorkPart
{
    public AuditRecord Record => record;

    /// <summary>The same line, its outcome read from what the engine commits (a retry that faulted again failed).</summary>
    public AuditLine WithOutcome(Func<WorkflowChanges, string> outcome) => new(log, record, outcome);

    public async ValueTask WriteAsync(WorkflowChanges changes, DbTransaction transaction, CancellationToken ct) =>
        await log.AppendInAsync(outcomeOf is null ? record : record with { Outcome = outcomeOf(changes) }, transaction, ct);

    public Task AppendAloneAsync(CancellationToken ct) => log.AppendAsync(record, ct);
}
