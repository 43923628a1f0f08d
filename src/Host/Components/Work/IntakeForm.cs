using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Privacy;

namespace ProcessEngine.Host.Components.Work;

/// <summary>The aanmelding form's state; <see cref="CasusIntake.Validate"/> stays the one judge of what may be stored.</summary>
public sealed class IntakeForm
{
    public string? Organisatie { get; set; }
    public string? Hulpvraag { get; set; }
    public Huishouden? Huishouden { get; set; }
    public Onveiligheid? Onveiligheid { get; set; }
    public bool AnalyseAanwezig { get; set; }
    public bool VeiligheidskaartAanwezig { get; set; }
    public bool GezinWeetVanAanmelding { get; set; }
    public EerderIngebracht EerderIngebracht { get; set; } = EerderIngebracht.Onbekend;

    public CasusIntake ToIntake() => new()
    {
        Organisatie = Organisatie,
        Hulpvraag = Hulpvraag,
        Huishouden = Huishouden,
        Onveiligheid = Onveiligheid,
        AnalyseAanwezig = AnalyseAanwezig,
        VeiligheidskaartAanwezig = VeiligheidskaartAanwezig,
        GezinWeetVanAanmelding = GezinWeetVanAanmelding,
        EerderIngebracht = EerderIngebracht,
    };

    /// <summary>The errors with <paramref name="field"/>'s identifier finding (if any) replacing its previous message.</summary>
    public static IReadOnlyDictionary<string, string> WithGuard(IReadOnlyDictionary<string, string> errors, string field, string? text)
    {
        var updated = errors.Where(e => e.Key != field).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (IdentifierGuard.Find(text) is [var first, ..]) updated[field] = first.Message;
        return updated;
    }
}
