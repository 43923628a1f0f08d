using ProcessEngine.HostStore.Migrating;
using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>
/// A plan as the studio sends it (the flow comes from the route). <see cref="Instances"/> narrows the preview and the run to
/// those trajecten (empty: every running one of the source versions); <see cref="Reason"/> is required to run.
/// </summary>
/// <param name="Children">Other flows whose instances belonging to the selected trajecten move in the same run, each with a plan of its own.</param>
public sealed record MigrationInput(IReadOnlyList<int>? SourceVersions, int? TargetVersion, IReadOnlyList<ActivityMapping>? Activities,
    IReadOnlyList<VariableMapping>? Variables, IReadOnlyList<Guid>? Instances = null, string? Reason = null,
    IReadOnlyList<ChildMigrationInput>? Children = null)
{
    public MigrationPlan ToPlan(string definitionId) =>
        new(definitionId, SourceVersions ?? [], TargetVersion ?? 0, Activities, Variables);
}

/// <summary>
/// A flow that runs as part of the trajecten being moved (a subflow, or a flow started under the same casus code, such as the
/// maatregel): its instances that belong to them move in the same run, by this plan, each in its own transaction.
/// </summary>
public sealed record ChildMigrationInput(string? DefinitionId, IReadOnlyList<int>? SourceVersions, int? TargetVersion,
    IReadOnlyList<ActivityMapping>? Activities = null, IReadOnlyList<VariableMapping>? Variables = null)
{
    public MigrationPlan ToPlan() => new(DefinitionId ?? "", SourceVersions ?? [], TargetVersion ?? 0, Activities, Variables);
}

/// <summary>The versions of a flow with how many trajecten still run on each, newest first.</summary>
public sealed record MigrationSourcesView(string DefinitionId, int? LiveVersion, IReadOnlyList<VersionCount> Versions);
public sealed record VersionCount(int Version, bool IsLive, int Running);

/// <summary>A checked plan: every waiting activity of every source version and where it goes.</summary>
public sealed record MigrationCheckView(IReadOnlyList<EffectiveMapping> Mappings)
{
    /// <summary>The same for each flow that moves along (<see cref="MigrationInput.Children"/>), by flow id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EffectiveMapping>> Children { get; init; } = new Dictionary<string, IReadOnlyList<EffectiveMapping>>();
}

/// <summary>
/// The preview over the selected trajecten: totals, per target activity how many land there (the canvas overlay), and a row per
/// instance. <see cref="PreviewRow.CasusCode"/> only for a viewer who may see the casus; otherwise the instance id stands alone.
/// </summary>
public sealed record MigrationPreviewView(int Total, int Movable, int Blocked, IReadOnlyDictionary<string, int> LandingPerActivity,
    IReadOnlyList<PreviewRow> Rows);

/// <param name="Flow">The flow the instance runs: the plan's own, or a flow that moves along with it.</param>
public sealed record PreviewRow(Guid InstanceId, string? CasusCode, int FromVersion, int ToVersion, string? Blocked,
    IReadOnlyList<StepImpact> Steps, IReadOnlyList<VariableChange> Variables, string Flow = "");

/// <summary>Where a run stands: counts per outcome, and the trajecten that did not move with the reason.</summary>
public sealed record MigrationRunView(Guid Id, string DefinitionId, int TargetVersion, MigrationRunStatus Status, string Reason, string StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Total, int Pending, int Moved, int Stale, int Blocked, int NotFound,
    IReadOnlyList<RunItemView> NotMoved)
{
    /// <summary>The flows that move along in this run (subflows and flows started under the casus code), with their target versions.</summary>
    public IReadOnlyList<ChildRunView> Children { get; init; } = [];
}

public sealed record ChildRunView(string DefinitionId, int TargetVersion);

public sealed record RunItemView(Guid InstanceId, MigrationItemOutcome Outcome, string? Message);
