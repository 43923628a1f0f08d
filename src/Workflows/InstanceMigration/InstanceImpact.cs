namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// What moving one instance would do, computed without writing (the preview) or what it did (the run). Carries no
/// casus content: step titles and dates come from the flow, variables are named, never shown.
/// <paramref name="InstanceVersion"/> is the instance's concurrency version when this was computed: the run moves
/// the instance only while it is still at that version.
/// </summary>
public sealed record InstanceImpact(
    Guid InstanceId,
    string? CorrelationId,
    int FromVersion,
    int ToVersion,
    int InstanceVersion,
    string? Blocked,
    IReadOnlyList<StepImpact> Steps,
    IReadOnlyList<VariableChange> Variables)
{
    public bool CanMove => Blocked is null;
}

/// <summary>One waiting step and where it lands. Dates are UTC moments; null where the kind has none.</summary>
public sealed record StepImpact(
    string Kind,
    string FromActivity,
    string ToActivity,
    string? FromTitle = null,
    string? ToTitle = null,
    DateTimeOffset? FromDue = null,
    DateTimeOffset? ToDue = null,
    string? FromHolder = null,
    string? ToHolder = null,
    bool FormChanged = false,
    bool Held = false,
    string? Note = null)
{
    public bool DueChanged => FromDue != ToDue;
    public bool TitleChanged => FromTitle != ToTitle;
    public bool HolderChanged => FromHolder != ToHolder;
}

/// <summary>A variable the move adds, renames, sets or removes (its name only).</summary>
public sealed record VariableChange(string Name, string Change);

/// <summary>What the run did with one instance.</summary>
public enum MigrationOutcome { Moved, Stale, Blocked, NotFound }

public sealed record MigrationResult(MigrationOutcome Outcome, InstanceImpact? Impact, string? Message = null);
