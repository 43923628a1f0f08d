using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// The signals flows sent and that are not delivered yet. A pass stores its signals with its own commit
/// (<see cref="WorkflowChanges.SignalsSent"/>); the runtime removes each once delivered.
/// </summary>
public interface ISignalOutbox
{
    /// <summary>Undelivered signals sent at or before <paramref name="sentAtOrBefore"/>, oldest first.</summary>
    Task<IReadOnlyList<SentSignal>> FindUndeliveredAsync(DateTimeOffset sentAtOrBefore, int max, CancellationToken ct = default);

    /// <summary>Removes a delivered signal; removing one already removed (by another node's delivery) is no error.</summary>
    Task MarkDeliveredAsync(Guid signalId, CancellationToken ct = default);
}
