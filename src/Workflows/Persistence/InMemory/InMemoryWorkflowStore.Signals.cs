using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

public sealed partial class InMemoryWorkflowStore : ISignalOutbox
{
    public Task<IReadOnlyList<SentSignal>> FindUndeliveredAsync(DateTimeOffset sentAtOrBefore, int max, CancellationToken ct = default) =>
        ReadList(() => _signals.Values.Where(s => s.SentAt <= sentAtOrBefore).OrderBy(s => s.SentAt).ThenBy(s => s.Id).Take(max));

    public Task MarkDeliveredAsync(Guid signalId, CancellationToken ct = default)
    {
        lock (_gate) _signals.Remove(signalId);
        return Task.CompletedTask;
    }
}
