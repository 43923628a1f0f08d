namespace ProcessEngine.Rvt.Domain;

public enum NetwerkSoort { Informeel, Formeel }

/// <summary>
/// Someone around the family, by role only ("grootmoeder", "buurvrouw", "trainer voetbal", "wijkagent"):
/// the network the family can fall back on, which the netwerkberaad invites and the afspraken name.
/// Never a name: the role is checked by the identifier guard and kept short.
/// </summary>
public sealed class NetwerkLid
{
    public const int MaxRolLength = 60;
    public const int MaxBijdrageLength = 500;

    private NetwerkLid() { }

    public Guid Id { get; private set; }
    public Guid CasusId { get; private set; }
    public string Rol { get; private set; } = "";
    public NetwerkSoort Soort { get; private set; }
    /// <summary>What this person does or can do for the safety of the children ("vangt de kinderen op na school").</summary>
    public string? Bijdrage { get; private set; }
    public string ToegevoegdDoor { get; private set; } = "";
    public DateTimeOffset ToegevoegdOp { get; private set; }

    internal static NetwerkLid Create(Guid casusId, string role, NetwerkSoort kind, string? contribution, string by, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casusId,
        Rol = role.Trim(),
        Soort = kind,
        Bijdrage = string.IsNullOrWhiteSpace(contribution) ? null : contribution.Trim(),
        ToegevoegdDoor = by,
        ToegevoegdOp = now,
    };
}
