using System.Globalization;

namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// What the law allows a maatregel registration to say, in one place for both ways of registering one
/// (the flow's task form and the casus page). Messages are Dutch and keyed by field name.
/// </summary>
public static class MaatregelRegels
{
    public static IReadOnlyList<string> Labels { get; } = ["OTS", "Voorlopige OTS", "Machtiging uithuisplaatsing", "Voogdij"];

    public static string Label(MaatregelType type) => type switch
    {
        MaatregelType.Ots => "OTS",
        MaatregelType.VoorlopigeOts => "Voorlopige OTS",
        MaatregelType.MachtigingUithuisplaatsing => "Machtiging uithuisplaatsing",
        _ => "Voogdij",
    };

    public static MaatregelType? FromLabel(string? label) => label switch
    {
        "OTS" => MaatregelType.Ots,
        "Voorlopige OTS" => MaatregelType.VoorlopigeOts,
        "Machtiging uithuisplaatsing" => MaatregelType.MachtigingUithuisplaatsing,
        "Voogdij" => MaatregelType.Voogdij,
        _ => null,
    };

    /// <summary>Legal maxima (Burgerlijk Wetboek boek 1): OTS and machtiging uithuisplaatsing at most 12 months, voorlopige OTS 3 months.</summary>
    public static int? MaxMonths(MaatregelType type) => type switch
    {
        MaatregelType.Ots or MaatregelType.MachtigingUithuisplaatsing => 12,
        MaatregelType.VoorlopigeOts => 3,
        _ => null,
    };

    public static Dictionary<string, string> Check(MaatregelType? type, DateOnly? start, DateOnly? eind)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        // A number that names no type (the API's JSON reads enums from numbers too) counts as no choice.
        if (type is { } given && !Enum.IsDefined(given)) type = null;
        if (type is null) errors["type"] = $"Kies het soort maatregel: {string.Join(", ", Labels)}.";
        if (start is null) errors["startDatum"] = "Geef de ingangsdatum.";
        if (type == MaatregelType.Voogdij)
        {
            if (eind is not null) errors["eindDatum"] = "Voogdij heeft geen einddatum: die volgt uit de meerderjarigheid.";
            return errors;
        }
        if (eind is null)
        {
            if (type is not null) errors["eindDatum"] = "Geef de einddatum uit de beschikking.";
            return errors;
        }
        if (start is { } s)
        {
            if (eind <= s) errors["eindDatum"] = "De einddatum ligt na de ingangsdatum.";
            else if (type is { } t && MaxMonths(t) is { } months && eind > s.AddMonths(months))
                errors["eindDatum"] = $"Een {Label(t)} duurt ten hoogste {months} maanden (Burgerlijk Wetboek boek 1); verlengen is een nieuwe beschikking.";
        }
        return errors;
    }

    /// <summary>
    /// An extension is a new decision of at most the same legal maximum, counted from the end date in force
    /// (BW 1:260: an OTS is extended by at most a year each time).
    /// </summary>
    public static Dictionary<string, string> CheckVerlenging(MaatregelType? type, DateOnly? huidigeEind, DateOnly? nieuweEind)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (nieuweEind is not { } nieuw || huidigeEind is not { } huidig) return errors;
        if (nieuw <= huidig) errors["nieuweEindDatum"] = $"De nieuwe einddatum ligt na de huidige ({huidig:yyyy-MM-dd}).";
        else if (type is { } t && MaxMonths(t) is { } months && nieuw > huidig.AddMonths(months))
            errors["nieuweEindDatum"] = $"Een {Label(t)} wordt met ten hoogste {months} maanden tegelijk verlengd (tot uiterlijk {huidig.AddMonths(months):yyyy-MM-dd}).";
        return errors;
    }

    /// <summary>The form's values as the flow keeps them: a label and ISO dates.</summary>
    public static Dictionary<string, string> Check(IReadOnlyDictionary<string, object?> values)
    {
        var type = FromLabel(values.GetValueOrDefault("type") as string);
        return Check(type, Date(values, "startDatum"), Date(values, "eindDatum"));
    }

    public static DateOnly? Date(IReadOnlyDictionary<string, object?> values, string name) =>
        values.GetValueOrDefault(name) is string { Length: >= 10 } s && DateOnly.TryParseExact(s[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
}
