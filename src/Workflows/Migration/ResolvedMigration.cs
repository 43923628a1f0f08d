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
        IReadOnlyDictionary<(int Version, string Source), Placement> placements, IReadOnlyDictionary<int, CompiledExpression> setters)
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
    internal IReadOnlyDictionary<(int Version, string Source), Placement> Placements { get; }
    /// <summary>The compiled expression of each Set mapping, by its index in the plan's variable mappings.</summary>
    internal IReadOnlyDictionary<int, CompiledExpression> Setters { get; }

    /// <summary>Every waiting activity of every source version with where it goes: what the studio shows as the mapping.</summary>
    public IReadOnlyList<EffectiveMapping> Mappings =>
        [.. Placements.OrderBy(p => p.Key.Version).ThenBy(p => p.Key.Source, StringComparer.Ordinal)
            .Select(p => new EffectiveMapping(p.Key.Version, p.Key.Source, p.Value.Target.Id, p.Value.Due, p.Value.Explicit))];
}

/// <summary>One source activity's place in the target, and whether the plan named it or it was matched by id.</summary>
public sealed record EffectiveMapping(int SourceVersion, string Source, string Target, DueMoment Due, bool Explicit);

internal sealed record Placement(FlowNode Target, DueMoment Due, bool Explicit);
