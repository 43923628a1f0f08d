using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// A plan that passed the engine's checks, with its flows compiled: for each source version, where each activity an
/// instance can wait in goes. Built by <see cref="MigrationPlanner"/>; what the preview and the run work from.
/// </summary>
public sealed class ResolvedMigration
{
    internal ResolvedMigration(MigrationPlan plan, WorkflowGraph target, IReadOnlyDictionary<int, WorkflowGraph> sources,
        IReadOnlyDictionary<(int Version, string Source), IReadOnlyList<Placement>> placements, IReadOnlyDictionary<int, CompiledExpression> setters)
    {
        Plan = plan;
        Target = target;
        Sources = sources;
        Placements = placements;
        Setters = setters;
    }

    public MigrationPlan Plan { get; }
    public WorkflowGraph Target { get; }
    internal IReadOnlyDictionary<int, WorkflowGraph> Sources { get; }
    /// <summary>Per source activity, its places in the order they are tried (conditional ones first, as the plan gives them).</summary>
    internal IReadOnlyDictionary<(int Version, string Source), IReadOnlyList<Placement>> Placements { get; }
    /// <summary>The compiled expression of each Set mapping, by its index in the plan's variable mappings.</summary>
    internal IReadOnlyDictionary<int, CompiledExpression> Setters { get; }

    /// <summary>Every waiting activity of every source version with where it goes: what the studio shows as the mapping.</summary>
    public IReadOnlyList<EffectiveMapping> Mappings =>
        [.. Placements.OrderBy(p => p.Key.Version).ThenBy(p => p.Key.Source, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Select(each => new EffectiveMapping(p.Key.Version, p.Key.Source, each.Target?.Id, each.Due, each.Explicit, each.When?.Source, each.Holder)))];
}

/// <summary>
/// One source activity's place in the target (null: the step is cancelled), whether the plan named it or it was matched by
/// id, and the condition under which it applies.
/// </summary>
public sealed record EffectiveMapping(int SourceVersion, string Source, string? Target, DueMoment Due, bool Explicit, string? When = null,
    HolderChoice Holder = HolderChoice.Keep);

internal sealed record Placement(FlowNode? Target, DueMoment Due, bool Explicit, CompiledExpression? When = null, HolderChoice Holder = HolderChoice.Keep);
