using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Rvt.Application;

/// <summary>The traject flow's input from an intake: categories only, never the hulpvraag's text.</summary>
public static class TrajectInput
{
    public static Dictionary<string, object?> For(CasusIntake intake, string inbrenger) => new()
    {
        ["inbrenger"] = inbrenger,
        ["organisatie"] = intake.Organisatie!.Trim(),
        ["huishouden"] = intake.Huishouden!.Value.ToString(),
        ["onveiligheid"] = intake.Onveiligheid == Onveiligheid.Acuut ? "acuut" : "structureel",
        ["analyseAanwezig"] = intake.AnalyseAanwezig,
        ["veiligheidskaartAanwezig"] = intake.VeiligheidskaartAanwezig,
        ["gezinWeetVanAanmelding"] = intake.GezinWeetVanAanmelding,
        ["eerderIngebracht"] = (intake.EerderIngebracht ?? EerderIngebracht.Onbekend).ToString(),
    };
}
