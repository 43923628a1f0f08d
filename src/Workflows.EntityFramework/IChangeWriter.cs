using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>Commits one pass of engine changes in one short transaction, all or nothing.</summary>
public interface IChangeWriter
{
    /// <exception cref="ConcurrencyConflictException">Someone else changed or consumed what the pass was based on; nothing was written.</exception>
    Task WriteAsync(WorkflowChanges changes, CancellationToken ct);
}
