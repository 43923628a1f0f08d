namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// A coordinator's plan for moving running instances of one flow from older versions to a newer one. Every
/// activity an instance can be waiting in (task, timer, signal, subflow, join) needs a place in the target:
/// the activity with the same id and type unless <see cref="Activities"/> says otherwise. Nothing the
/// instance already did is run again; only what it waits for is moved.
/// </summary>
public sealed record MigrationPlan(
    string DefinitionId,
    IReadOnlyList<int> SourceVersions,
    int TargetVersion,
    IReadOnlyList<ActivityMapping>? Activities = null,
    IReadOnlyList<VariableMapping>? Variables = null)
{
    public IReadOnlyList<ActivityMapping> ActivityMappings => Activities ?? [];
    public IReadOnlyList<VariableMapping> VariableMappings => Variables ?? [];
}

/// <summary>
/// Where instances waiting at <paramref name="Source"/> wait after the move. <paramref name="Due"/> says whether a
/// timer or task keeps its moment, or gets the one the target's definition gives now (for example counted from the
/// beschikking). <paramref name="SourceVersion"/> narrows the mapping to one source version (null: all).
/// <paramref name="When"/> is an expression on the moved variables and the start input: the mapping applies only to
/// instances for which it is true, so one activity can go to different places (a voorlopige OTS one way, an OTS the
/// other); mappings of one activity are tried in the plan's order, then the activity with the same id.
/// A null <paramref name="Target"/> cancels the waiting step (its task vervalt), with a journal line.
/// </summary>
/// <paramref name="Holder"/> (tasks): Keep leaves a claimed task with whoever holds it; Recompute gives it to whom the target
/// activity names now (or back to its group), for a flow version that moved the work to other people.
public sealed record ActivityMapping(string Source, string? Target, DueMoment Due = DueMoment.Keep, int? SourceVersion = null, string? When = null,
    HolderChoice Holder = HolderChoice.Keep);

public enum DueMoment
{
    /// <summary>The timer fires, the task is due, at the moment it had.</summary>
    Keep,
    /// <summary>The moment is computed again from the target activity's definition, on the moved variables.</summary>
    Recompute,
}

public enum HolderChoice
{
    /// <summary>A claimed task stays with its holder; an unclaimed one goes to whom the target names.</summary>
    Keep,
    /// <summary>The task goes to whom the target activity names now, or to its group.</summary>
    Recompute,
}

/// <summary>
/// What happens to one variable. Variables the target declares with a default and the instance lacks get that default
/// first (a new regional setting); then these run in order. <paramref name="Expression"/> (for Set) sees the
/// variables as the earlier mappings left them, the start input and the clock.
/// </summary>
public sealed record VariableMapping(string Name, VariableAction Action, string? To = null, string? Expression = null);

public enum VariableAction { Keep, Rename, Set, Remove }
