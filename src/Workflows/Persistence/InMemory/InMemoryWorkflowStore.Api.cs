using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

public sealed partial class InMemoryWorkflowStore
{
    public Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<string, int>>(_instances.Values.Where(i => i.IsActive)
                .GroupBy(i => i.DefinitionId).ToDictionary(g => g.Key, g => g.Count()));
    }

    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesOfFlowAsync(string definitionId, int skip, int take, CancellationToken ct = default) =>
        ReadList(() => _instances.Values.Where(i => i.DefinitionId == definitionId)
            .OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Skip(skip).Take(take).Select(i => i.Clone()));

    public Task<IReadOnlyList<Incident>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default) =>
        ReadList(() => _incidents.Values.Where(i => i.ResolvedAt is null).OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip(skip).Take(take).Select(i => i.Clone()));
}
