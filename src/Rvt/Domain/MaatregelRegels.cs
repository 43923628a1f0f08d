using System.Globalization;

namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// What Book 1 of the Burgerlijk Wetboek allows a maatregel registration to say, in one place for every way
/// of registering one (the flows' task forms and the casus page). Messages are Dutch and keyed by field name.
/// Legal anchors: OTS at most 12 months (1:258), extended by the kinderrechter at most 12 months each time on
/// request (1:260); voorlopige OTS at most 3 months, never extended (1:257); a machtiging uithuisplaatsing only
/// within a (voorlopige) OTS and never longer than it (1:265b, 1:265c), at most 12 months, lapsing when not
/// carried out within 3 months of the beschikking. A spoedmachtiging (granted before the parents are heard; in
/// practice for two to four weeks, until the court hears them) is held to the machtiging's limits only: the law
/// names no shorter maximum that this check could enforce.
/// </summary>
public static class MaatregelRegels
{
    /// <summary>What the casus page and the registration task offer as the measure itself.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["OTS", "Voorlopige OTS", "Voogdij"];

    /// <summary>What may be registered within a (voorlopige) OTS.</summary>
    public static IReadOnlyList<string> MachtigingLabels { get; } = ["Machtiging uithuisplaatsing", "Spoedmachtiging"];

    public static string Label(MaatregelType type) => type switch
    {
        MaatregelType.Ots => "OTS",
        MaatregelType.VoorlopigeOts => "Voorlopige OTS",
        MaatregelType.MachtigingUithuisplaatsing => "Machtiging uithuisplaatsing",
        MaatregelType.Spoedmachtiging => "Spoedmachtiging",
        _ => "Voogdij",
    };

    public static MaatregelType? FromLabel(string? label) => label switch
    {
        "OTS" => MaatregelType.Ots,
        "Voorlopige OTS" => MaatregelType.VoorlopigeOts,
        "Machtiging uithuisplaatsing" => MaatregelType.MachtigingUithuisplaatsing,
        "Spoedmachtiging" => MaatregelType.Spoedmachtiging,
        "Voogdij" => MaatregelType.Voogdij,
        _ => null,
    };

    public static bool IsMachtiging(MaatregelType type) => type is MaatregelType.MachtigingUithuisplaatsing or MaatregelType.Spoedmachtiging;

    /// <summary>The latest end date the law allows for a beschikking of this kind from this day; none for voogdij.</summary>
    public static DateOnly? UiterlijkeEinde(MaatregelType type, DateOnly start) => type switch
    {
        MaatregelType.Ots or MaatregelType.MachtigingUithuisplaatsing or MaatregelType.Spoedmachtiging => start.AddMonths(12),
        MaatregelType.VoorlopigeOts => start.AddMonths(3),
        _ => null,
    };

    /// <summary>The label inside a sentence: "OTS" stays, the others start lower case ("een voorlopige OTS").</summary>
    public static string InZin(MaatregelType type) => type == MaatregelType.Ots ? "OTS" : char.ToLowerInvariant(Label(type)[0]) + Label(type)[1..];

    /// <summary>The legal maximum in words, for messages.</summary>
    public static string Maximum(MaatregelType type) => type switch
    {
        MaatregelType.VoorlopigeOts => "3 maanden",
        _ => "12 maanden",
    };

    /// <summary>A machtiging uithuisplaatsing that is not carried out within three months of the beschikking lapses.</summary>
    public static DateOnly VervaltOp(DateOnly machtigingStart) => machtigingStart.AddMonths(3);

    /// <summary>The measure itself (OTS, voorlopige OTS or voogdij) as registered from the court's beschikking.</summary>
    public static Dictionary<string, string> Check(MaatregelType? type, DateOnly? start, DateOnly? eind)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        // A number that names no type (the API's JSON reads enums from numbers too) counts as no choice.
        if (type is { } given && !Enum.IsDefined(given)) type = null;
        if (type is null) errors["type"] = $"Kies het soort maatregel: {string.Join(", ", Labels)}.";
        else if (IsMachtiging(type.Value))
            errors["type"] = $"Een {InZin(type.Value)} bestaat alleen binnen een (voorlopige) OTS: registreer hem bij die OTS.";
        if (start is null) errors["startDatum"] = "Geef de ingangsdatum uit de beschikking.";
        if (type == MaatregelType.Voogdij)
        {
            if (eind is not null) errors["eindDatum"] = "Voogdij heeft geen einddatum: die volgt uit de meerderjarigheid of het herstel in het gezag.";
            return errors;
        }
        Term(errors, "eindDatum", type, start, eind);
        return errors;
    }

    /// <summary>
    /// A machtiging uithuisplaatsing or spoedmachtiging within a (voorlopige) OTS: not before it starts and never
    /// after it ends. <paramref name="fields"/> names the form's fields (soort, start, end) for the messages.
    /// </summary>
    public static Dictionary<string, string> CheckMachtiging(MaatregelType? soort, DateOnly? start, DateOnly? eind,
        MaatregelType? hoofd, DateOnly? hoofdStart, DateOnly? hoofdEind, (string Soort, string Start, string Eind) fields)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (soort is not { } s || !IsMachtiging(s))
        {
            errors[fields.Soort] = $"Kies het soort machtiging: {string.Join(", ", MachtigingLabels)}.";
            soort = null;
        }
        if (hoofd is not (MaatregelType.Ots or MaatregelType.VoorlopigeOts))
            errors[fields.Soort] = "Een machtiging uithuisplaatsing kan alleen binnen een (voorlopige) OTS.";
        if (start is null) errors[fields.Start] = "Geef de ingangsdatum uit de beschikking van de machtiging.";
        else if (hoofdStart is { } os && start < os)
            errors[fields.Start] = $"De machtiging begint niet voor de (voorlopige) OTS ({os:yyyy-MM-dd}).";
        Term(errors, fields.Eind, soort, start, eind);
        if (!errors.ContainsKey(fields.Eind) && eind is { } e && hoofdEind is { } oe && e > oe)
            errors[fields.Eind] = $"De machtiging loopt niet langer dan de (voorlopige) OTS (tot {oe:yyyy-MM-dd}).";
        return errors;
    }

    /// <summary>
    /// An extension is the kinderrechter's new beschikking on the GI's request: only an OTS (and its machtiging)
    /// is extended, by at most twelve months counted from the end date in force (BW 1:260).
    /// </summary>
    /// <param name="beschikking">The date of the kinderrechter's decision, when the form asks for it: an OTS that already
    /// ran out cannot be extended any more, and a decision is not dated in the future.</param>
    public static Dictionary<string, string> CheckVerlenging(MaatregelType? type, DateOnly? huidigeEind, DateOnly? nieuweEind,
        (DateOnly? Datum, DateOnly Vandaag)? beschikking = null)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (type == MaatregelType.VoorlopigeOts)
            errors["nieuweEindDatum"] = "Een voorlopige OTS wordt niet verlengd: hij eindigt, of de kinderrechter beslist op het verzoek tot ondertoezichtstelling.";
        else if (type is MaatregelType.Voogdij or MaatregelType.Spoedmachtiging)
            errors["nieuweEindDatum"] = $"Een {InZin(type.Value)} wordt niet verlengd.";
        else if (nieuweEind is not { } nieuw) errors["nieuweEindDatum"] = "Geef de nieuwe einddatum uit de beschikking van de kinderrechter.";
        else if (huidigeEind is { } huidig)
        {
            if (nieuw <= huidig) errors["nieuweEindDatum"] = $"De nieuwe einddatum ligt na de huidige ({huidig:yyyy-MM-dd}).";
            else if (nieuw > huidig.AddMonths(12))
                errors["nieuweEindDatum"] = $"Een OTS wordt met ten hoogste 12 maanden tegelijk verlengd (tot uiterlijk {huidig.AddMonths(12):yyyy-MM-dd}).";
        }
        if (type == MaatregelType.Ots && beschikking is { } b)
        {
            if (b.Datum is not { } datum) errors["beschikkingsdatum"] = "Geef de datum van de beschikking van de kinderrechter.";
            else if (datum > b.Vandaag) errors["beschikkingsdatum"] = "De beschikking ligt niet in de toekomst.";
            else if (huidigeEind is { } eind && datum >= eind)
                errors["beschikkingsdatum"] = $"De OTS liep af op {eind:yyyy-MM-dd}: een afgelopen OTS wordt niet meer verlengd; dat vraagt een nieuwe beschikking tot ondertoezichtstelling.";
        }
        return errors;
    }

    /// <summary>The registration form's values as the flows keep them: labels and ISO dates, the machtiging in flat fields.</summary>
    public static Dictionary<string, string> Check(IReadOnlyDictionary<string, object?> values)
    {
        var type = FromLabel(values.GetValueOrDefault("type") as string);
        var start = Date(values, "startDatum");
        var eind = Date(values, "eindDatum");
        var errors = Check(type, start, eind);
        if (values.GetValueOrDefault("machtiging") is string { Length: > 0 } soort && soort != GeenMachtiging)
            foreach (var (field, message) in CheckMachtiging(FromLabel(soort), Date(values, "machtigingStartDatum"), Date(values, "machtigingEindDatum"),
                         type, start, eind, ("machtiging", "machtigingStartDatum", "machtigingEindDatum")))
                errors.TryAdd(field, message);
        return errors;
    }

    /// <summary>The registration form's choice for "no machtiging with this beschikking".</summary>
    public const string GeenMachtiging = "Geen";

    public static DateOnly? Date(IReadOnlyDictionary<string, object?> values, string name) =>
        values.GetValueOrDefault(name) is string { Length: >= 10 } s && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static void Term(Dictionary<string, string> errors, string field, MaatregelType? type, DateOnly? start, DateOnly? eind)
    {
        if (eind is null)
        {
            if (type is not null && !errors.ContainsKey(field)) errors[field] = "Geef de einddatum uit de beschikking.";
            return;
        }
        if (start is not { } s) return;
        if (eind <= s) errors[field] = "De einddatum ligt na de ingangsdatum.";
        else if (type is { } t && UiterlijkeEinde(t, s) is { } uiterlijk && eind > uiterlijk)
            errors[field] = $"Een {InZin(t)} duurt ten hoogste {Maximum(t)} (Burgerlijk Wetboek boek 1); verlengen is een nieuwe beschikking.";
    }
}
