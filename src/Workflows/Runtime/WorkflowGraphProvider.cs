using System.Collections.Concurrent;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Compiled flows by (id, version). Published versions never change, so a compiled graph is cached for
/// the life of the process and shared by every instance on that version.
/// </summary>
public sealed class WorkflowGraphProvider(IWorkflowDefinitionStore definitions, FlowCompiler compiler)
{
    private readonly ConcurrentDictionary<(string, int), WorkflowGraph> _cache = new();

    public async Task<WorkflowGraph> GetAsync(string definitionId, int version, CancellationToken ct = default)
    {
        if (_cache.TryGetValue((definitionId, version), out var cached)) return cached;
        var record = await definitions.FindAsync(definitionId, version, ct)
            ?? throw new WorkflowNotFoundException($"Flow '{definitionId}' has no version {version}.");
        return Compile(record.DefinitionId, record.Version, record.Json, record.IsPublished);
    }

    public async Task<WorkflowGraph> GetLiveAsync(string definitionId, CancellationToken ct = default)
    {
        var record = await definitions.FindLiveAsync(definitionId, ct)
            ?? throw new WorkflowNotFoundException($"Flow '{definitionId}' has no published version; publish it before starting it.");
        if (_cache.TryGetValue((record.DefinitionId, record.Version), out var cached)) return cached;
        return Compile(record.DefinitionId, record.Version, record.Json, record.IsPublished);
    }

    private WorkflowGraph Compile(string definitionId, int version, string json, bool published)
    {
        var compiled = compiler.Compile(json, version);
        if (!compiled.IsValid)
            throw new InvalidOperationException(
                $"Stored flow '{definitionId}' v{version} no longer compiles: {string.Join("; ", compiled.Errors)}");
        if (published) _cache.TryAdd((definitionId, version), compiled.Graph!);
        return compiled.Graph!;
    }
}

public sealed class WorkflowNotFoundException(string message) : Exception(message);
