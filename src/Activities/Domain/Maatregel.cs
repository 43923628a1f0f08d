namespace ProcessEngine.Activities.Domain;

public enum MaatregelType { Ots, VoorlopigeOts, MachtigingUithuisplaatsing, Voogdij }

public enum MaatregelStatus { Lopend, Verlengd, Beeindigd }

/// <summary>A court child-protection measure on a casus; its evaluation timers live in its own flow instance.</summary>
public sealed class Maatregel
{
    private Maatregel() { }

    public Guid Id { get; private set; }
    public Guid CasusId { get; private set; }
    public MaatregelType Type { get; private set; }
    public DateOnly StartDatum { get; private set; }
    public DateOnly EindDatum { get; private set; }
    public MaatregelStatus Status { get; private set; }
    public string? EindReden { get; private set; }
    public Guid? WorkflowInstanceId { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public int Version { get; private set; }

    internal static Maatregel Register(Guid casusId, MaatregelType type, DateOnly start, DateOnly end, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casusId,
        Type = type,
        StartDatum = start,
        EindDatum = end,
        Status = MaatregelStatus.Lopend,
        RegisteredAt = now,
        Version = 1,
    };

    internal void LinkInstance(Guid instanceId)
    {
        WorkflowInstanceId = instanceId;
        Version++;
    }

    internal void End(string reason)
    {
        if (Status == MaatregelStatus.Beeindigd) throw new InvalidOperationException("De maatregel is al beëindigd.");
        Status = MaatregelStatus.Beeindigd;
        EindReden = reason;
        Version++;
    }

    /// <summary>Legal maxima (Burgerlijk Wetboek boek 1): OTS and machtiging uithuisplaatsing at most 12 months, voorlopige OTS 3 months.</summary>
    public static int? MaxMonths(MaatregelType type) => type switch
    {
        MaatregelType.Ots or MaatregelType.MachtigingUithuisplaatsing => 12,
        MaatregelType.VoorlopigeOts => 3,
        _ => null,
    };
}
