using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

public sealed partial class InMemoryWorkflowStore : IInstanceMigrationStore
{
    public Task<IReadOnlyList<MigrationSubject>> LoadActiveAsync(string definitionId, IReadOnlyCollection<int> versions, Guid after, int take,
        CancellationToken ct = default) =>
        ReadList(() => _instances.Values
            .Where(i => i.DefinitionId == definitionId && versions.Contains(i.DefinitionVersion) && NotEnded(i) && i.Id.CompareTo(after) > 0)
            .OrderBy(i => i.Id).Take(take).Select(Subject));

    public Task<IReadOnlyList<MigrationSubject>> LoadAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default) =>
        ReadList(() => instanceIds.Distinct().Order().Where(_instances.ContainsKey).Select(id => Subject(_instances[id])));

    public Task<IReadOnlyList<MigrationSubject>> LoadRelatedAsync(string definitionId, IReadOnlyCollection<int> versions,
        IReadOnlyCollection<Guid> parentIds, IReadOnlyCollection<string> correlationIds, CancellationToken ct = default) =>
        ReadList(() => _instances.Values
            .Where(i => i.DefinitionId == definitionId && versions.Contains(i.DefinitionVersion) && NotEnded(i)
                && ((i.ParentInstanceId is { } parent && parentIds.Contains(parent)) || (i.CorrelationId is { } code && correlationIds.Contains(code))))
            .OrderBy(i => i.Id).Select(Subject));

    public Task<IReadOnlyDictionary<int, int>> CountActiveByVersionAsync(string definitionId, CancellationToken ct = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyDictionary<int, int>>(_instances.Values.Where(i => i.DefinitionId == definitionId && NotEnded(i))
                .GroupBy(i => i.DefinitionVersion).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static bool NotEnded(WorkflowInstance instance) => instance.Status is WorkflowStatus.Running or WorkflowStatus.Suspended or WorkflowStatus.Faulted;

    // Called under the gate.
    private MigrationSubject Subject(WorkflowInstance instance) => new(instance.Clone(),
        [.. _bookmarks.Values.Where(b => b.InstanceId == instance.Id).Select(b => b.Clone())],
        [.. _tasks.Values.Where(t => t.InstanceId == instance.Id && t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold).Select(t => t.Clone())]);
}
