namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// How someone came to be involved in a casus, beyond bringing it in. Tafel: the chair put the casus on the table (its
/// members and ervaringsdeskundigen take part); DuoPartner: the chair or the inbrenger named the second professional;
/// Taakhouder: someone took one of its tasks, or a person handed it to them; Jeugdbeschermer: the GI's jeugdbeschermer
/// registered a maatregel they carry out (involved while it runs).
/// </summary>
public enum BetrokkenheidSoort { Tafel, DuoPartner, Taakhouder, Jeugdbeschermer }

/// <summary>One involvement as it was registered: what gives it, and who with the standing to give it did.</summary>
/// <param name="Wie">The user name of the person involved; none for <see cref="BetrokkenheidSoort.Tafel"/> (the table as a whole).</param>
/// <param name="Bron">The task or maatregel it came with, if any.</param>
public sealed record BetrokkenheidMelding(BetrokkenheidSoort Soort, string? Wie, Guid? Bron = null);

/// <summary>
/// A registered involvement in a casus. Access to a casus follows these rows and the casus's inbrenger only, never data a
/// flow controls (a variable, a task's assignee expression): a flow designer must not be able to hand anyone a family.
/// Each row is written in the same transaction as the person's act that gave it (a claim, a handover, the chair's choice).
/// </summary>
public sealed class Betrokkenheid
{
    public const int MaxNameLength = 256;

    private Betrokkenheid() { }

    public Guid Id { get; private set; }
    public string CasusCode { get; private set; } = "";
    public BetrokkenheidSoort Soort { get; private set; }
    public string? Wie { get; private set; }
    public Guid? Bron { get; private set; }
    public string GeregistreerdDoor { get; private set; } = "";
    public DateTimeOffset GeregistreerdOp { get; private set; }

    internal static Betrokkenheid Create(string casusCode, BetrokkenheidMelding melding, string door, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusCode = casusCode,
        Soort = melding.Soort,
        Wie = melding.Soort == BetrokkenheidSoort.Tafel ? null : melding.Wie,
        Bron = melding.Bron,
        GeregistreerdDoor = door,
        GeregistreerdOp = now,
    };

    /// <summary>Whether this row already says what <paramref name="melding"/> would: one row per involvement, not per act.</summary>
    internal bool Says(BetrokkenheidMelding melding) => Soort == melding.Soort && melding.Soort switch
    {
        BetrokkenheidSoort.Tafel => true,
        BetrokkenheidSoort.Jeugdbeschermer => Wie == melding.Wie && Bron == melding.Bron,
        _ => Wie == melding.Wie,
    };
}
