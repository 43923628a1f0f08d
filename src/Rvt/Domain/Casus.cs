namespace ProcessEngine.Rvt.Domain;

public enum Huishouden { GezinMetKinderen, HuishoudenZonderKinderen }

public enum Onveiligheid { Acuut, Structureel }

/// <summary>
/// Whether the inbrenger knows this family was brought to the RVT before: the casus is pseudonymous, so only the
/// inbrenger can say it (for the draaideur figure: families brought in again within twelve months).
/// </summary>
public enum EerderIngebracht { Onbekend, Nee, BinnenTwaalfMaanden, LangerGeleden }

/// <summary>
/// A worrying family situation brought to the RVT, pseudonymous by construction: it has a generated
/// code and describes the question and the situation, never who the family is. Free text is checked by
/// the identifier guard before a casus can exist (see <see cref="CasusIntake"/>).
/// </summary>
public sealed class Casus
{
    private Casus() { }

    public Guid Id { get; private set; }
    /// <summary>The only handle on the family that leaves the system (e-mails, exports, figures drill-down).</summary>
    public string Code { get; private set; } = "";
    /// <summary>The inbrenger's organisation, which owns the casus data (DESIGN section 8).</summary>
    public string Organisatie { get; private set; } = "";
    /// <summary>User id of the professional who brought the casus in.</summary>
    public string Inbrenger { get; private set; } = "";
    public string Hulpvraag { get; private set; } = "";
    public Huishouden Huishouden { get; private set; }
    public Onveiligheid Onveiligheid { get; private set; }
    public bool AnalyseAanwezig { get; private set; }
    public bool VeiligheidskaartAanwezig { get; private set; }
    public bool GezinWeetVanAanmelding { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Set when the retention rule removed the content; only anonymous counts remain.</summary>
    public DateTimeOffset? ContentDeletedAt { get; private set; }
    public int Version { get; private set; }

    internal static Casus Create(string code, CasusIntake intake, string inbrenger, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Code = code,
        Organisatie = intake.Organisatie!.Trim(),
        Inbrenger = inbrenger,
        Hulpvraag = intake.Hulpvraag!.Trim(),
        Huishouden = intake.Huishouden!.Value,
        Onveiligheid = intake.Onveiligheid!.Value,
        AnalyseAanwezig = intake.AnalyseAanwezig,
        VeiligheidskaartAanwezig = intake.VeiligheidskaartAanwezig,
        GezinWeetVanAanmelding = intake.GezinWeetVanAanmelding,
        CreatedAt = now,
        Version = 1,
    };

    /// <summary>The retention rule: everything that describes the situation goes; the code and the counted facts stay.</summary>
    internal void DeleteContent(DateTimeOffset now)
    {
        Hulpvraag = "";
        ContentDeletedAt = now;
        Version++;
    }
}
