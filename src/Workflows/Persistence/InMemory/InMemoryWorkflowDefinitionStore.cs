using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Workflows.Persistence.InMemory;

/// <summary>Flow versions in memory. Records are replaced, never mutated in place, so readers see whole versions.</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock _gate = new();
    private readonly List<WorkflowDefinitionRecord> _records = [];

    public Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, int version, CancellationToken ct = default) =>
        Read(() => _records.Find(r => r.DefinitionId == definitionId && r.Version == version)?.Clone());

    public Task<WorkflowDefinitionRecord?> FindLiveAsync(string definitionId, CancellationToken ct = default) =>
        Read(() => _records.Find(r => r.DefinitionId == definitionId && r.IsLive)?.Clone());

    public Task<WorkflowDefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken ct = default) =>
        Read(() => _records.Where(r => r.DefinitionId == definitionId).MaxBy(r => r.Version)?.Clone());

    public Task<IReadOnlyList<WorkflowDefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken ct = default) =>
        Read<IReadOnlyList<WorkflowDefinitionRecord>>(() => _records.Where(r => r.DefinitionId == definitionId).OrderBy(r => r.Version).Select(r => r.Clone()).ToList())!;

    public Task<IReadOnlyList<WorkflowDefinitionRecord>> ListLatestAsync(CancellationToken ct = default) =>
        Read<IReadOnlyList<WorkflowDefinitionRecord>>(() => _records.GroupBy(r => r.DefinitionId)
            .Select(g => g.MaxBy(r => r.Version)!.Clone()).OrderBy(r => r.Name).ToList())!;

    public Task SaveAsync(IReadOnlyList<WorkflowDefinitionRecord> added, IReadOnlyList<WorkflowDefinitionRecord> updated, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        // A part is a database write of the caller (an audit line); there is no transaction here to hold it.
        if (alongside is not null)
            throw new NotSupportedException("The in-memory store cannot commit a caller's database writes with a flow; use a database store.");
        lock (_gate)
        {
            foreach (var record in added)
                if (_records.Exists(r => r.DefinitionId == record.DefinitionId && r.Version == record.Version))
                    throw new Runtime.ConcurrencyConflictException($"Version {record.Version} of '{record.DefinitionId}' already exists.");
            _records.AddRange(added.Select(r => r.Clone()));
            foreach (var record in updated) _records[_records.FindIndex(r => r.Id == record.Id)] = record.Clone();
        }
        return Task.CompletedTask;
    }

    private Task<T?> Read<T>(Func<T?> read)
    {
        lock (_gate) return Task.FromResult(read());
    }
}
