using ProcessEngine.HostStore.Migrating;
using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>
/// A plan as the studio sends it (the flow comes from the route). <see cref="Instances"/> narrows the preview and the run to
/// those trajecten (empty: every running one of the source versions); <see cref="Reason"/> is required to run.
/// </summary>
public sealed record MigrationInput(IReadOnlyList<int>? SourceVersions, int? TargetVersion, IReadOnlyList<ActivityMapping>? Activities,
    IReadOnlyList<VariableMapping>? Variables, IReadOnlyList<Guid>? Instances = null, string? Reason = null)
{
    public MigrationPlan ToPlan(string definitionId) =>
        new(definitionId, SourceVersions ?? [], TargetVersion ?? 0, Activities, Variables);
}

/// <summary>The versions of a flow with how many trajecten still run on each, newest first.</summary>
public sealed record MigrationSourcesView(string DefinitionId, int? LiveVersion, IReadOnlyList<VersionCount> Versions);
public sealed record VersionCount(int Version, bool IsLive, int Running);

/// <summary>A checked plan: every waiting activity of every source version and where it goes.</summary>
public sealed record MigrationCheckView(IReadOnlyList<EffectiveMapping> Mappings);

/// <summary>
/// The preview over the selected trajecten: totals, per target activity how many land there (the canvas overlay), and a row per
/// instance. <see cref="PreviewRow.CasusCode"/> only for a viewer who may see the casus; otherwise the instance id stands alone.
/// </summary>
public sealed record MigrationPreviewView(int Total, int Movable, int Blocked, IReadOnlyDictionary<string, int> LandingPerActivity,
    IReadOnlyList<PreviewRow> Rows);

public sealed record PreviewRow(Guid InstanceId, string? CasusCode, int FromVersion, int ToVersion, string? Blocked,
    IReadOnlyList<StepImpact> Steps, IReadOnlyList<VariableChange> Variables);

/// <summary>Where a run stands: counts per outcome, and the trajecten that did not move with the reason.</summary>
public sealed record MigrationRunView(Guid Id, string DefinitionId, int TargetVersion, MigrationRunStatus Status, string Reason, string StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int Total, int Pending, int Moved, int Stale, int Blocked, int NotFound,
    IReadOnlyList<RunItemView> NotMoved);

public sealed record RunItemView(Guid InstanceId, MigrationItemOutcome Outcome, string? Message);
