using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

/// <summary>Commits one burst of engine changes in one short transaction, all or nothing.</summary>
public interface IBurstWriter
{
    /// <exception cref="ConcurrencyConflictException">Someone else changed or consumed what the burst was based on; nothing was written.</exception>
    Task WriteAsync(WorkflowChanges changes, CancellationToken ct);
}
