using System.Text.Json;

namespace ProcessEngine.Rvt.Domain;

/// <summary>One agreement on the Veiligheidskaart: what, who (a role, never a name), when, how it is checked.</summary>
public sealed record Afspraak(string? Wat, string? Wie, string? Wanneer, string? HoeGecontroleerd);

/// <summary>The content of one version of the Veiligheidskaart, in the family's own words where possible.</summary>
public sealed record VeiligheidskaartInhoud
{
    public IReadOnlyList<string> Zorgen { get; init; } = [];
    public IReadOnlyList<string> Krachten { get; init; } = [];
    public IReadOnlyList<string> Veiligheidsvoorwaarden { get; init; } = [];
    public IReadOnlyList<Afspraak> Afspraken { get; init; } = [];
    /// <summary>Who keeps an eye on the afspraken (a role).</summary>
    public string? Monitor { get; init; }
    public DateOnly? VolgendeEvaluatie { get; init; }
    public string? StemKind { get; init; }
    public string? StemOuders { get; init; }
    /// <summary>With whom the kaart is shared (roles or organisations).</summary>
    public IReadOnlyList<string> GedeeldMet { get; init; } = [];

    /// <summary>
    /// Items per list: a kaart is read aloud at the table, and every version is kept, so a list of thousands (a script,
    /// a paste gone wrong) would only fill the history. Fifty is more than any kaart in the proeftuinen held.
    /// </summary>
    public const int MaxItems = 50;

    /// <summary>Every problem per field path (e.g. <c>afspraken[1].wie</c>), in Dutch; empty when the content may be stored.</summary>
    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        List(errors, "zorgen", Zorgen);
        List(errors, "krachten", Krachten);
        List(errors, "veiligheidsvoorwaarden", Veiligheidsvoorwaarden);
        List(errors, "gedeeldMet", GedeeldMet);
        if (Afspraken.Count > MaxItems) errors["afspraken"] = TooMany;
        for (var i = 0; i < Math.Min(Afspraken.Count, MaxItems); i++)
        {
            var afspraak = Afspraken[i];
            CasusIntake.Text(errors, $"afspraken[{i}].wat", afspraak.Wat, 1000);
            CasusIntake.Text(errors, $"afspraken[{i}].wie", afspraak.Wie, 200);
            CasusIntake.Text(errors, $"afspraken[{i}].wanneer", afspraak.Wanneer, 200, required: false);
            CasusIntake.Text(errors, $"afspraken[{i}].hoeGecontroleerd", afspraak.HoeGecontroleerd, 1000, required: false);
        }
        CasusIntake.Text(errors, "monitor", Monitor, 200, required: false);
        CasusIntake.Text(errors, "stemKind", StemKind, 2000, required: false);
        CasusIntake.Text(errors, "stemOuders", StemOuders, 2000, required: false);
        return errors;
    }

    private static void List(Dictionary<string, string> errors, string field, IReadOnlyList<string> items)
    {
        if (items.Count > MaxItems) errors[field] = TooMany;
        for (var i = 0; i < Math.Min(items.Count, MaxItems); i++) CasusIntake.Text(errors, $"{field}[{i}]", items[i], 1000);
    }

    private static readonly string TooMany = $"Ten hoogste {MaxItems} punten: vat samen wat bij elkaar hoort.";
}

/// <summary>
/// One version of a casus's Veiligheidskaart. Versions are never changed or overwritten: an edit adds
/// the next number, with its author and time, so the history shows who agreed what and when.
/// </summary>
public sealed class VeiligheidskaartVersie
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private VeiligheidskaartVersie() { }

    public Guid Id { get; private set; }
    public Guid CasusId { get; private set; }
    public int Nummer { get; private set; }
    public string Auteur { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string InhoudJson { get; private set; } = "{}";

    public VeiligheidskaartInhoud Inhoud => JsonSerializer.Deserialize<VeiligheidskaartInhoud>(InhoudJson, Json) ?? new();

    internal static VeiligheidskaartVersie Create(Guid casusId, int nummer, string auteur, VeiligheidskaartInhoud inhoud, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CasusId = casusId,
        Nummer = nummer,
        Auteur = auteur,
        CreatedAt = now,
        InhoudJson = JsonSerializer.Serialize(inhoud, Json),
    };
}
