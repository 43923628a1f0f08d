using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>Shared steps of the scenarios: the titles the shipped flows give their tasks, and getting a traject to a route.</summary>
internal static class Traject
{
    public const string Inbrenger = "prof1";
    public const string Chair = "chair1";

    public const string Triage = "Triage nieuwe aanmelding";
    public const string Advies = "Advies en vervolgroute vastleggen";
    public const string Afsluiten = "Traject afsluiten";
    public const string StopknopReview = "Stopknop ingedrukt: beoordeel of de hulp schaadt";
    public const string NieuwAdvies = "Nieuw advies en vervolgroute vastleggen na de Stopknop";
    public const string NetwerkberaadPlannen = "Netwerkberaad plannen";
    public const string Gereedheidscheck = "Gereedheidscheck interventiegesprek RvdK";
    public const string DuopartnerToewijzen = "Tweede professional toewijzen voor begeleiding in duo";
    public const string MaatregelEvaluatie = "Kan de maatregel eindigen en kan de regie terug naar het gezin?";
    public const string TerugkeerPlannen = "Terugkeer naar vrijwilligheid plannen";

    public static Dictionary<string, object?> Form(params (string Name, object? Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);

    public static Dictionary<string, object?> Input(string onveiligheid = "structureel", string? duoPartner = null)
    {
        var input = Form(("onveiligheid", onveiligheid), ("inbrenger", Inbrenger));
        if (duoPartner is not null) input["duoPartner"] = duoPartner;
        return input;
    }

    public static Task<StartResult> StartAsync(ScenarioEngine engine, string casus, string? duoPartner = null) =>
        engine.Runtime.StartAsync("rvt-traject", Input(duoPartner: duoPartner), casus);

    /// <summary>Starts a traject and takes it through triage (Consultatie &amp; Advies) to an advies with this route.</summary>
    public static async Task<StartResult> StartAtRouteAsync(ScenarioEngine engine, string casus, string adviesOutcome, string? duoPartner = null)
    {
        var started = await StartAsync(engine, casus, duoPartner);
        await engine.CompleteAsync(casus, Triage, "Consultatie & Advies", user: Chair);
        await engine.CompleteAsync(casus, Advies, adviesOutcome, Form(("advies", "Advies van de RVT-tafel")), Chair);
        return started;
    }

    /// <summary>
    /// Takes a traject along the interventiegesprek to a raadsonderzoek whose OTS (2 March 2026 to 2 March 2027) the GI's
    /// jeugdbeschermer registers: the maatregel then runs as its own instance on the casus.
    /// </summary>
    public static async Task StartAtMaatregelAsync(ScenarioEngine engine, string casus)
    {
        await StartAtRouteAsync(engine, casus, "Interventiegesprek RvdK");
        await engine.CompleteAsync(casus, Gereedheidscheck, "Gereed", Gereedheid(true, true, true), Chair);
        await engine.CompleteAsync(casus, "Interventiegesprek met de RvdK plannen", "Gepland", Form(("datum", "2026-03-12")));
        await engine.CompleteAsync(casus, "Interventiegesprek voeren", "RvdK start onderzoek", user: "raad1");
        await engine.CompleteAsync(casus, "Uitkomst raadsonderzoek", "Maatregel uitgesproken");
        await engine.CompleteAsync(casus, "Beschikking registreren: maatregel uitgesproken", "Geregistreerd",
            Form(("type", "OTS"), ("startDatum", "2026-03-02"), ("eindDatum", "2027-03-02")), "jeugdbeschermer");
    }

    public static async Task<object?> VariableAsync(ScenarioEngine engine, string casus, string name, string definitionId = "rvt-traject") =>
        (await engine.InstanceAsync(casus, definitionId)).Variables.GetValueOrDefault(name);

    public static Dictionary<string, object?> Afspraken() => Form(
        ("wat", "Iedere avond eten de kinderen bij iemand die nuchter is"),
        ("wie", "grootmoeder"),
        ("wanneer", "elke doordeweekse avond"),
        ("hoeGevolgd", "de buurvrouw belt wekelijks met de inbrenger"));

    /// <summary>The readiness check: the three grounds of an OTS (all given, or all but <paramref name="zonderGrond"/>), and the two other points.</summary>
    public static Dictionary<string, object?> Gereedheid(bool gronden, bool ouders, bool zorgen, string? toelichting = null, string? zonderGrond = null) => Form(
        ("ernstigeBedreiging", gronden && zonderGrond != "ernstigeBedreiging"), ("zorgNietAanvaard", gronden && zonderGrond != "zorgNietAanvaard"),
        ("verantwoordelijkheidTerug", gronden && zonderGrond != "verantwoordelijkheidTerug"),
        ("oudersWetenProces", ouders), ("zorgenEnKrachten", zorgen), ("toelichting", toelichting));

    public static Dictionary<string, object?> MaatregelChecklist(bool klaar) => Form(
        ("netwerk", klaar), ("afsprakenNagekomen", klaar), ("gezinHeeftRegie", klaar), ("hulpVrijwilligAanvaard", klaar));
}
