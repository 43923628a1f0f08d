namespace ProcessEngine.Rvt.Domain;

public enum MaatregelType { Ots, VoorlopigeOts, MachtigingUithuisplaatsing, Voogdij }

public enum MaatregelStatus { Lopend, Verlengd, Beeindigd }

/// <summary>
/// A court child-protection measure on a casus, as the casus page shows it. It is read from the
/// maatregel's own flow instance (its input and the variables status, eindDatum and eindReden), not kept
/// in a second table: whichever way it was registered (the traject's task or the casus page) and
/// whichever way it ends (an evaluation, the end date, a lapse, the casus page), there is one truth.
/// </summary>
/// <param name="Id">The id of the maatregel's flow instance.</param>
/// <param name="EindDatum">The end date in force (moves when extended); none for voogdij.</param>
/// <param name="VolgendeTermijn">The earliest pending evaluation or deadline timer, if the maatregel still runs.</param>
public sealed record Maatregel(
    Guid Id,
    string CasusCode,
    MaatregelType Type,
    DateOnly StartDatum,
    DateOnly? EindDatum,
    MaatregelStatus Status,
    string? EindReden,
    DateTimeOffset GeregistreerdOp,
    DateTimeOffset? VolgendeTermijn);
