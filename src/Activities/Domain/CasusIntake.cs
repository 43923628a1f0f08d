using ProcessEngine.Activities.Privacy;

namespace ProcessEngine.Activities.Domain;

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

    public const int MaxTextLength = 4000;

    public IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Text(errors, "organisatie", Organisatie, 200);
        Text(errors, "hulpvraag", Hulpvraag, MaxTextLength);
        if (Huishouden is null) errors["huishouden"] = "Kies gezin met kinderen of huishouden zonder kinderen.";
        if (Onveiligheid is null) errors["onveiligheid"] = "Kies acute of structurele onveiligheid.";
        return errors;
    }

    /// <summary>Required, bounded, and free of direct identifiers of family members.</summary>
    internal static void Text(Dictionary<string, string> errors, string field, string? value, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors[field] = "Dit veld is verplicht.";
            return;
        }
        if (value.Length > max) { errors[field] = $"Maximaal {max} tekens."; return; }
        if (IdentifierGuard.FirstMessage(value) is { } message) errors[field] = message;
    }
}
