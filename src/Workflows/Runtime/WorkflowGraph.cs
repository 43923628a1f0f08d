using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// A compiled, immutable flow version: activity objects with their inputs bound, and for each node the
/// targets of each outcome. Built once per published version and shared by every instance of it.
/// </summary>
public sealed class WorkflowGraph
{
    internal WorkflowGraph(string definitionId, int version, string name, FlowNode start,
        IReadOnlyDictionary<string, FlowNode> nodes, IReadOnlyDictionary<string, object?> variableDefaults)
    {
        DefinitionId = definitionId;
        Version = version;
        Name = name;
        Start = start;
        Nodes = nodes;
        VariableDefaults = variableDefaults;
    }

    public string DefinitionId { get; }
    public int Version { get; }
    public string Name { get; }
    public FlowNode Start { get; }
    public IReadOnlyDictionary<string, FlowNode> Nodes { get; }
    public IReadOnlyDictionary<string, object?> VariableDefaults { get; }

    internal FlowNode Node(string activityId) => Nodes.TryGetValue(activityId, out var node)
        ? node
        : throw new InvalidOperationException($"Flow '{DefinitionId}' v{Version} has no activity '{activityId}'.");
}

/// <summary>An activity in a compiled flow with its outgoing connections, grouped by outcome.</summary>
public sealed class FlowNode(Activity activity, ActivityDescriptor descriptor)
{
    private static readonly FlowNode[] None = [];
    internal Dictionary<string, FlowNode[]> Outgoing { get; } = new(StringComparer.Ordinal);

    public Activity Activity { get; } = activity;
    public ActivityDescriptor Descriptor { get; } = descriptor;
    public string Id => Activity.Id;
    /// <summary>Number of connections that end here; a join waits for this many tokens.</summary>
    public int IncomingCount { get; internal set; }

    public IReadOnlyList<FlowNode> Targets(string outcome) => Outgoing.TryGetValue(outcome, out var targets) ? targets : None;

    internal void Connect(string outcome, FlowNode target)
    {
        Outgoing[outcome] = Outgoing.TryGetValue(outcome, out var existing) ? [.. existing, target] : [target];
        target.IncomingCount++;
    }
}
