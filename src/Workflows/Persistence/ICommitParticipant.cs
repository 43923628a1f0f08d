using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// What must commit with every pass that makes a certain change, whoever caused the pass (a person, a timer, a
/// signal): the host's e-mail prompt rows for the tasks a pass creates, so no task exists without its prompt. The
/// runtime asks each participant before the writer opens its transaction (its reads, such as who is in a group,
/// then hold no lock) and adds the part it returns to the pass's transaction; a retried pass asks again.
/// </summary>
public interface ICommitParticipant
{
    /// <returns>The part to write with <paramref name="changes"/>, or null when they need nothing of this participant.</returns>
    ValueTask<IUnitOfWorkPart?> PrepareAsync(WorkflowChanges changes, CancellationToken ct);
}
