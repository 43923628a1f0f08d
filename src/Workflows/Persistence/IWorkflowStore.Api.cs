using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Queries behind the host's API lists: flow list counts, overdue tasks, open incidents. All paged or aggregated in SQL.</summary>
public partial interface IWorkflowStore
{
    /// <summary>Running or waiting instances per flow id.</summary>
    Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default);

    /// <summary>Instances of one flow (any version, any status), newest first: the studio's instance list.</summary>
    Task<IReadOnlyList<WorkflowInstance>> FindInstancesOfFlowAsync(string definitionId, int skip, int take, CancellationToken ct = default);

    /// <summary>Unresolved incidents, newest first.</summary>
    Task<IReadOnlyList<Incident>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default);
}
