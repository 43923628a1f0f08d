using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Forms;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// Every fact the RVT's flows may record, with the only categories each may carry. Facts outlive the casus (retention
/// keeps the counts), so a flow that tries to count anything else (a variable holding free text, a name) fails that step
/// instead of storing it; see <see cref="FactCatalog"/>.
/// </summary>
public static class RvtFactCatalog
{
    private static readonly string[] Huishoudens = [.. Enum.GetNames<Huishouden>(), "onbekend"];
    private static readonly string[] Routes =
        ["netwerkberaad", "interventiegesprek-rvdk", "begeleiding-in-duo", "advies-zonder-vervolgroute", "maatregel", "beide", "onbekend"];

    public static IReadOnlyList<FactDeclaration> Declarations { get; } =
    [
        Fact(RvtFacts.Aanmelding, ("huishouden", Huishoudens), (RvtFacts.EerderIngebracht, Enum.GetNames<EerderIngebracht>())),
        Fact(RvtFacts.Triage, ("uitkomst", ["bespreking", "consultatie-advies", "spoed"]), ("huishouden", Huishoudens)),
        Fact(RvtFacts.RouteUitAdvies, ("route", Routes), ("huishouden", Huishoudens), ("gecombineerd", ["ja"])),
        Fact(RvtFacts.RouteUitNieuwAdvies, ("route", Routes), ("huishouden", Huishoudens)),
        Fact(RvtFacts.RouteUitVervolg, ("route", Routes), ("huishouden", Huishoudens)),
        Fact(RvtFacts.TerugNaarTafel, ("route", Routes), ("huishouden", Huishoudens)),
        Fact(RvtFacts.MaatregelVoorkomen, ("via", ["gereedheidscheck", "interventiegesprek"])),
        // A first-version maatregel of type machtiging may still run and end.
        Fact(RvtFacts.MaatregelBeeindigd, ("soort", ["OTS", "Voorlopige OTS", "Voogdij", "Machtiging uithuisplaatsing", "onbekend"])),
        Fact(RvtFacts.TerugkeerVrijwilligheid, ("route", ["netwerkberaad", "begeleiding-in-duo", "beide", "onbekend"])),
        // The outcome is the task's own; the family's agreement is one of the answers the form offers, or left open.
        Fact(RvtFacts.Beslismoment, ("uitkomst", null), (RvtFacts.GezinEens, [.. FamilyVoiceFormRule.Answers, "leeg"])),
    ];

    private static FactDeclaration Fact(string name, params (string Dimension, IReadOnlyList<string>? Values)[] dimensions) =>
        new(name, dimensions.ToDictionary(d => d.Dimension, d => d.Values, StringComparer.Ordinal));
}
