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
public sealed class AuditLine(AuditLog log, AuditRecord record) : IUnitOfWorkPart
{
    private Func<AuditRecord, WorkflowChanges, AuditRecord>? _complete;

    /// <summary>Whether the line was written in a caller's transaction; once that transaction committed, the line is in the log.</summary>
    public bool Written { get; private set; }

    /// <summary>
    /// Completes the line from what the engine commits with it (the new maatregel's id; whether a retry faulted again).
    /// Changes this line itself, so whoever holds it (the casus pipeline) sees it written.
    /// </summary>
    public AuditLine CompletedBy(Func<AuditRecord, WorkflowChanges, AuditRecord> complete)
    {
        _complete = complete;
        return this;
    }

    /// <summary>On PostgreSQL the line takes the chain's lock, which every other changing transaction waits for until this one commits.</summary>
    public bool HoldsLockToCommit => true;

    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await log.AppendInAsync(_complete is null || engineChanges is null ? record : _complete(record, engineChanges), transaction, ct);
        Written = true;
    }

    public Task AppendAloneAsync(CancellationToken ct) => log.AppendAsync(record, ct);

    /// <summary>The casus (correlation) of an instance the engine commits a change of, for a line about that instance.</summary>
    public static string? CasusOf(WorkflowChanges changes, Guid instanceId) =>
        changes.Updated.FirstOrDefault(u => u.Instance.Id == instanceId).Instance?.CorrelationId;
}
