namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// The kinds of court measure. Numbers are kept stable (the API reads enums from numbers too): Spoedmachtiging
/// came later. A machtiging uithuisplaatsing and a spoedmachtiging exist only within a (voorlopige) OTS (BW 1:265b):
/// since the second version of the maatregel flow they are registered on that OTS, not as a maatregel of their own.
/// </summary>
public enum MaatregelType { Ots, VoorlopigeOts, MachtigingUithuisplaatsing, Voogdij, Spoedmachtiging }

/// <summary>Afgelopen: a voorlopige OTS reached its end date before the court decided on the OTS request.</summary>
public enum MaatregelStatus { Lopend, Verlengd, Beeindigd, Afgelopen }

public enum MachtigingStatus { Lopend, Uitgevoerd, Vervallen, Afgelopen, Beeindigd }

/// <summary>A machtiging uithuisplaatsing (or spoedmachtiging) within a (voorlopige) OTS.</summary>
/// <param name="VervaltOp">The day it lapses when not carried out (three months after the beschikking); none for a spoedmachtiging.</param>
public sealed record Machtiging(MaatregelType Soort, DateOnly StartDatum, DateOnly EindDatum, MachtigingStatus Status, DateOnly? VervaltOp);

/// <summary>
/// A court child-protection measure on a casus, as the casus page shows it. It is read from the
/// maatregel's own flow instance (its input and the variables soort, ingangsdatum, status, eindDatum,
/// eindReden and machtiging), not kept in a second table: whichever way it was registered (the traject's
/// task or the casus page) and whichever way it ends (an evaluation, the end date, the court, the casus
/// page), there is one truth.
/// </summary>
/// <param name="Id">The id of the maatregel's flow instance.</param>
/// <param name="Type">The measure in force: a voorlopige OTS becomes an OTS when the court decides on the OTS request.</param>
/// <param name="StartDatum">The ingangsdatum of the beschikking in force.</param>
/// <param name="EindDatum">The end date in force (moves when extended); none for voogdij.</param>
/// <param name="VolgendeTermijn">The earliest pending evaluation or deadline timer, if the maatregel still runs.</param>
/// <param name="Jeugdbeschermer">The GI's jeugdbeschermer who carries it out, when known (a user name).</param>
public sealed record Maatregel(
    Guid Id,
    string CasusCode,
    MaatregelType Type,
    DateOnly StartDatum,
    DateOnly? EindDatum,
    MaatregelStatus Status,
    string? EindReden,
    DateTimeOffset GeregistreerdOp,
    DateTimeOffset? VolgendeTermijn,
    Machtiging? Machtiging = null,
    string? Jeugdbeschermer = null);
