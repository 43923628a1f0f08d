namespace ProcessEngine.HostStore.StandIns;

/// <summary>
/// A stand-in period (waarneming): while <see cref="AbsentUser"/> is away, <see cref="StandIn"/> sees their tasks, gets their
/// e-mail prompts too, and is involved in their casussen, acting on their behalf ("namens"). The period is
/// [<see cref="From"/>, <see cref="Until"/>), cut short by <see cref="EndedAt"/> when it was ended early. The reason is only a
/// kind: why someone is ill is nobody's business here.
/// </summary>
public sealed class Waarneming
{
    public Guid Id { get; set; }
    public string AbsentUser { get; set; } = "";
    public string StandIn { get; set; } = "";
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public WaarnemingReason Reason { get; set; }
    public string SetBy { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
    public string? EndedBy { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public int Version { get; set; }

    /// <summary>When the period really ends: its planned end, or the moment it was ended early if that came first.</summary>
    public DateTimeOffset EffectiveUntil => EndedAt is { } ended && ended < Until ? ended : Until;

    public bool IsActiveAt(DateTimeOffset moment) => From <= moment && moment < EffectiveUntil;
}

public enum WaarnemingReason { Vakantie, Ziekte, Anders }
