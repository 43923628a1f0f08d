using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Versions of flows. Implementations: EF Core and in-memory.</summary>
public interface IWorkflowDefinitionStore
{
    Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, int version, CancellationToken ct = default);
    /// <summary>The published version new instances start on.</summary>
    Task<WorkflowDefinitionRecord?> FindLiveAsync(string definitionId, CancellationToken ct = default);
    /// <summary>The highest version, draft or published.</summary>
    Task<WorkflowDefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken ct = default);
    Task<IReadOnlyList<WorkflowDefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken ct = default);
    /// <summary>The latest version of every flow.</summary>
    Task<IReadOnlyList<WorkflowDefinitionRecord>> ListLatestAsync(CancellationToken ct = default);
    /// <summary>Adds or updates the given versions in one transaction.</summary>
    /// <param name="alongside">What the caller commits in the same transaction (the coordinator's audit line).</param>
    Task SaveAsync(IReadOnlyList<WorkflowDefinitionRecord> added, IReadOnlyList<WorkflowDefinitionRecord> updated, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default);
}
