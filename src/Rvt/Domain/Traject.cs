namespace ProcessEngine.Rvt.Domain;

public enum TrajectStatus { Running, PausedByStopknop, Closed }

/// <summary>
/// The whole path of one casus through the process. The workflow instance (correlated by the casus
/// code) holds where the traject is; this row holds what people and reports ask of it: status, the
/// route chosen, why it closed, and the heaviest route reached (which drives the retention period).
/// </summary>
public sealed class Traject
{
    private Traject() { }

    public Guid Id { get; private set; }
    public Guid CasusId { get; private set; }
    public string CasusCode { get; private set; } = "";
    public Guid? WorkflowInstanceId { get; private set; }
    public TrajectStatus Status { get; private set; }
    public string? Route { get; private set; }
    public DateTimeOffset? RouteChosenAt { get; private set; }
    public string? HeaviestRoute { get; private set; }
    public string? ClosingReason { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When the retention rule deletes the casus content (set at closing, from the heaviest route reached).</summary>
    public DateTimeOffset? RetainUntil { get; private set; }
    public DateTimeOffset? PurgedAt { get; private set; }
    public int Version { get; private set; }

    internal static Traject Start(Casus casus, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casus.Id,
        CasusCode = casus.Code,
        Status = TrajectStatus.Running,
        StartedAt = now,
        Version = 1,
    };

    internal void Close(string? reason, string heaviestRoute, DateTimeOffset now, DateTimeOffset retainUntil)
    {
        Status = TrajectStatus.Closed;
        ClosingReason = reason;
        HeaviestRoute = heaviestRoute;
        ClosedAt = now;
        RetainUntil = retainUntil;
        Version++;
    }

    internal void MarkPurged(DateTimeOffset now)
    {
        ClosingReason = null;
        PurgedAt = now;
        Version++;
    }

    internal void LinkInstance(Guid instanceId)
    {
        WorkflowInstanceId = instanceId;
        Version++;
    }
}
