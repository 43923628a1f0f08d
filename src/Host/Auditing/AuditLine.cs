using System.Data.Common;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Auditing;

/// <summary>
/// The audit line of one user action that changes data (claiming, completing, handing on a task; retrying or
/// stopping an instance; saving a Veiligheidskaart), handed to the engine or the domain service that writes the
/// change, so it commits in the same transaction:
/// there is no change without its line, and no line for a change that was rolled back.
/// An action the engine answers without committing anything (claiming one's own task again) still happened:
/// its line is then appended on its own (<see cref="AppendAloneAsync"/>).
/// </summary>
public sealed class AuditLine(AuditLog log, AuditRecord record, Func<WorkflowChanges, string>? outcomeOf = null) : IUnitOfWorkPart
{
    public AuditRecord Record => record;

    /// <summary>The same line, its outcome read from what the engine commits (a retry that faulted again failed).</summary>
    public AuditLine WithOutcome(Func<WorkflowChanges, string> outcome) => new(log, record, outcome);

    /// <summary>Whether the line was written in a caller's transaction; once that transaction committed, the line is in the log.</summary>
    public bool Written { get; private set; }

    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await log.AppendInAsync(outcomeOf is null || engineChanges is null ? record : record with { Outcome = outcomeOf(engineChanges) }, transaction, ct);
        Written = true;
    }

    public Task AppendAloneAsync(CancellationToken ct) => log.AppendAsync(record, ct);
}
