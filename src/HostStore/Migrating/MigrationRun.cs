namespace ProcessEngine.HostStore.Migrating;

/// <summary>
/// One move of running trajecten to a new flow version, as a coordinator started it: the plan (JSON, as checked), why, and
/// where the run stands. Its instances are <see cref="MigrationRunItem"/> rows, each marked in the transaction that moved it,
/// so a run picked up again after a crash or a pause never moves an instance twice.
/// </summary>
public sealed class MigrationRun
{
    public Guid Id { get; set; }
    public string DefinitionId { get; set; } = "";
    public int TargetVersion { get; set; }
    public string PlanJson { get; set; } = "{}";
    /// <summary>The plans of the flows that move along (a JSON array of plans), or null: item <see cref="MigrationRunItem.PlanIndex"/> n > 0 uses the n-th.</summary>
    public string? ChildPlansJson { get; set; }
    public string Reason { get; set; } = "";
    public MigrationRunStatus Status { get; set; }
    public string StartedBy { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int Version { get; set; }
}

public enum MigrationRunStatus { Running, Paused, Cancelled, Finished }

/// <summary>One instance of a run: the version it had in the preview the run started from, and what became of it.</summary>
public sealed class MigrationRunItem
{
    public Guid RunId { get; set; }
    public Guid InstanceId { get; set; }
    public int PreviewedVersion { get; set; }
    /// <summary>0: the run's own plan; n: the n-th plan of <see cref="MigrationRun.ChildPlansJson"/>.</summary>
    public int PlanIndex { get; set; }
    public MigrationItemOutcome Outcome { get; set; }
    /// <summary>Why it did not move (stale, blocked): flow words, no casus content.</summary>
    public string? Message { get; set; }
    public DateTimeOffset? DoneAt { get; set; }
}

public enum MigrationItemOutcome { Pending, Moved, Stale, Blocked, NotFound }
