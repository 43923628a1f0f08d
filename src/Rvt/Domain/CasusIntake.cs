using ProcessEngine.Rvt.Privacy;

namespace ProcessEngine.Rvt.Domain;

/// <summary>
/// What the inbrenger fills in at aanmelding. Nullable so that a missing field is reported by name
/// instead of failing to deserialize; <see cref="Validate"/> gives every problem per field, in Dutch.
/// </summary>
public sealed record CasusIntake
{
    public string? Organisatie { get; init; }
    public string? Hulpvraag { get; init; }
    public Huishouden? Huishouden { get; init; }
    public Onveiligheid? Onveiligheid { get; init; }
    public bool AnalyseAanwezig { get; init; }
    public bool VeiligheidskaartAanwezig { get; init; }
    public bool GezinWeetVanAanmelding { get; init; }
    /// <summary>Optional: left out, it counts as <see cref="Domain.EerderIngebracht.Onbekend"/>.</summary>
    public EerderIngebracht? EerderIngebracht { get; init; }

    public const int MaxTextLength = 4000;

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Text(errors, "organisatie", Organisatie, 200);
        Text(errors, "hulpvraag", Hulpvraag, MaxTextLength);
        // The API's JSON also reads enums from numbers, so a number that names no value must be refused here.
        if (Huishouden is not { } huishouden || !Enum.IsDefined(huishouden)) errors["huishouden"] = "Kies gezin met kinderen of huishouden zonder kinderen.";
        if (Onveiligheid is not { } onveiligheid || !Enum.IsDefined(onveiligheid)) errors["onveiligheid"] = "Kies acute of structurele onveiligheid.";
        if (EerderIngebracht is { } eerder && !Enum.IsDefined(eerder)) errors["eerderIngebracht"] = "Kies Onbekend, Nee, BinnenTwaalfMaanden of LangerGeleden.";
        return errors;
    }

    /// <summary>
    /// Required (with <paramref name="missing"/> as the message, or a plain one), bounded, and free of direct
    /// identifiers of family members; <paramref name="today"/> is the engine's date where a service has a clock.
    /// </summary>
    internal static void Text(Dictionary<string, string> errors, string field, string? value, int max, bool required = true,
        string? missing = null, DateOnly? today = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors[field] = missing ?? "Dit veld is verplicht.";
            return;
        }
        if (value.Length > max) { errors[field] = $"Maximaal {max} tekens."; return; }
        var findings = today is { } date ? IdentifierGuard.Find(value, date) : IdentifierGuard.Find(value);
        if (findings is [var first, ..]) errors[field] = first.Message;
    }
}
