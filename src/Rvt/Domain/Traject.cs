namespace ProcessEngine.Rvt.Domain;

public enum TrajectStatus { Lopend, GepauzeerdDoorStopknop, Afgesloten }

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
    public string? ZwaarsteRoute { get; private set; }
    public string? AfsluitReden { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>When the retention rule deletes the casus content (set at closing, from the heaviest route reached).</summary>
    public DateTimeOffset? BewarenTot { get; private set; }
    public DateTimeOffset? GeschoondOp { get; private set; }
    public int Version { get; private set; }

    internal static Traject Start(Casus casus, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casus.Id,
        CasusCode = casus.Code,
        Status = TrajectStatus.Lopend,
        StartedAt = now,
        Version = 1,
    };

    internal void Close(string? reden, string zwaarsteRoute, DateTimeOffset now, DateTimeOffset bewarenTot)
    {
        Status = TrajectStatus.Afgesloten;
        AfsluitReden = reden;
        ZwaarsteRoute = zwaarsteRoute;
        ClosedAt = now;
        BewarenTot = bewarenTot;
        Version++;
    }

    internal void MarkPurged(DateTimeOffset now)
    {
        AfsluitReden = null;
        GeschoondOp = now;
        Version++;
    }

    internal void LinkInstance(Guid instanceId)
    {
        WorkflowInstanceId = instanceId;
        Version++;
    }
}
