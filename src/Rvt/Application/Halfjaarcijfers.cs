using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// One line of the RVT's half-year report: a count per half-year, or a heading line (<see cref="IsKop"/>) that
/// only groups the lines below it and has no numbers. With a <see cref="Noemer"/> the line is a share: its counts are
/// the part of the denominator that is meant, shown as a percentage.
/// </summary>
public sealed record HalfjaarRij(string Onderdeel, int EersteHalfjaar, int TweedeHalfjaar, bool IsKop = false, HalfjaarNoemer? Noemer = null)
{
    public static HalfjaarRij Kop(string onderdeel) => new(onderdeel, 0, 0, IsKop: true);

    public int Totaal => EersteHalfjaar + TweedeHalfjaar;
}

/// <summary>What a share is a share of, per half-year.</summary>
public sealed record HalfjaarNoemer(int EersteHalfjaar, int TweedeHalfjaar)
{
    public int Totaal => EersteHalfjaar + TweedeHalfjaar;
}

public sealed record Halfjaarcijfers(int Jaar, IReadOnlyList<HalfjaarRij> Rijen);

/// <summary>
/// The half-year figures row for row as the RVT's factsheet ("Cijfers 2024"), then what the proeftuinen are for
/// (maatregelen voorkomen and beëindigd, the return to vrijwilligheid, the draaideur, the family's voice, steps slowed
/// on purpose), counted from the facts the shipped flows record at the moment something happens (see README, "What is
/// counted"). Half-years run
/// from 1 January and 1 July, 00:00 Europe/Amsterdam. Facts hold no casus content, so the figures survive
/// the retention rule.
/// </summary>
public sealed class HalfjaarcijfersService(IWorkflowMonitoring monitoring)
{
    /// <summary>
    /// The forms in which the RVT discusses a casus (triage facts, dimension uitkomst): at the table, as
    /// Consultatie &amp; Advies, or as the chair's spoedadvies. The factsheet counts them as one row, so no
    /// breakdown is shown beside it: parts of a shown total would give a hidden small count back by subtraction.
    /// </summary>
    private static readonly string[] Bespreekvormen = ["bespreking", "consultatie-advies", "spoed"];

    /// <summary>The heading above the rows that count what the proeftuinen are for (not in the factsheet).</summary>
    public const string OpbrengstKop = "Wat de proeftuin oplevert";

    public async Task<Halfjaarcijfers> ForYearAsync(int jaar, CancellationToken ct = default)
    {
        var eerste = await CountAsync(new DateOnly(jaar, 1, 1), new DateOnly(jaar, 7, 1), ct);
        var tweede = await CountAsync(new DateOnly(jaar, 7, 1), new DateOnly(jaar + 1, 1, 1), ct);
        HalfjaarRij Rij(string onderdeel, Func<Counts, int> tel) => new(onderdeel, tel(eerste), tel(tweede));
        return new Halfjaarcijfers(jaar,
        [
            Rij("Besproken casus / Consultatie & Advies", t => Bespreekvormen.Sum(t.Triage)),
            HalfjaarRij.Kop("Mogelijkheden interventies na Consultatie en Advies"),
            Rij("Netwerkberaden met partners", t => t.Advies("netwerkberaad")),
            Rij("Interventiegesprek RvdK", t => t.Advies("interventiegesprek-rvdk")),
            Rij("Begeleiding ism lokaal team", t => t.Advies("begeleiding-in-duo")),
            // The RVT tells households without children apart from gezinnen; this row is the former.
            Rij("Aantal huishoudens", t => t.HuishoudensZonderKinderen),
            // What the proeftuinen are for, beside the factsheet's rows: the facts the flows record when it happens.
            HalfjaarRij.Kop(OpbrengstKop),
            Rij("Maatregelen voorkomen", t => t.Named(RvtFacts.MaatregelVoorkomen)),
            Rij("Maatregelen beëindigd", t => t.Named(RvtFacts.MaatregelBeeindigd)),
            Rij("Terugkeer naar vrijwilligheid gepland", t => t.Named(RvtFacts.TerugkeerVrijwilligheid)),
            Rij("Opnieuw ingebracht binnen twaalf maanden", t => t.OpnieuwIngebracht),
            Rij("Beslismomenten", t => t.Named(RvtFacts.Beslismoment)),
            new("Aandeel beslismomenten met de stem van het gezin", eerste.MetGezinsstem, tweede.MetGezinsstem,
                Noemer: new HalfjaarNoemer(eerste.Named(RvtFacts.Beslismoment), tweede.Named(RvtFacts.Beslismoment))),
            Rij("Stappen bewust vertraagd", t => t.Named(EngineFacts.TaskSlowed)),
        ]);
    }

    // Summed from the day rollup of the facts: a national half-year costs a few hundred rows.
    private async Task<Counts> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var triage = await monitoring.CountFactsByDayAsync(from, to, "uitkomst", ct);
        var routes = await monitoring.CountFactsByDayAsync(from, to, "route", ct);
        var huishoudens = await monitoring.CountFactsByDayAsync(from, to, "huishouden", ct);
        var gezinsstem = await monitoring.CountFactsByDayAsync(from, to, RvtFacts.GezinEens, ct);
        var eerder = await monitoring.CountFactsByDayAsync(from, to, RvtFacts.EerderIngebracht, ct);
        return new Counts(
            triage.Where(c => c.Name == RvtFacts.Triage).ToDictionary(c => c.DimensionValue ?? "", c => c.Count),
            routes.Where(c => RvtFacts.RouteDoorRvtAdvies.Contains(c.Name))
                .GroupBy(c => c.DimensionValue ?? "").ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            huishoudens.Where(c => c.Name == RvtFacts.Aanmelding && c.DimensionValue == nameof(Huishouden.HuishoudenZonderKinderen)).Sum(c => c.Count),
            // Every fact appears once in any one dimension's counts (its value, or "not set"), so these are the totals by name.
            gezinsstem.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            gezinsstem.Where(c => c.Name == RvtFacts.Beslismoment && RvtFacts.GezinsstemVastgelegd.Contains(c.DimensionValue)).Sum(c => c.Count),
            eerder.Where(c => c.Name == RvtFacts.Aanmelding && c.DimensionValue == nameof(Domain.EerderIngebracht.BinnenTwaalfMaanden)).Sum(c => c.Count));
    }

    private sealed record Counts(IReadOnlyDictionary<string, int> Triages, IReadOnlyDictionary<string, int> AdviesRoutes, int HuishoudensZonderKinderen,
        IReadOnlyDictionary<string, int> ByName, int MetGezinsstem, int OpnieuwIngebracht)
    {
        public int Triage(string uitkomst) => Triages.GetValueOrDefault(uitkomst);
        public int Advies(string route) => AdviesRoutes.GetValueOrDefault(route);
        public int Named(string fact) => ByName.GetValueOrDefault(fact);
    }
}

/// <summary>The fact names the shipped flows record (RecordFact activities).</summary>
/// <remarks>
/// A route choice gets a fact name per source rather than one name with a source dimension, because the
/// day rollup counts one dimension at a time: it can say how many facts had route X, or source Y, but not
/// route X from source Y.
/// </remarks>
public static class RvtFacts
{
    public const string Aanmelding = "aanmelding";
    public const string Triage = "triage";

    /// <summary>
    /// The route of the RVT's advies after triage or spoedadvies (rvt-traject, <c>telling-route</c>). The name
    /// is the one every route choice had before the flows told the sources apart: a fact of that name from an
    /// older flow version (which also recorded vervolg and Stopknop choices under it) cannot be told apart
    /// and counts as it always did, rather than vanishing from past figures.
    /// </summary>
    public const string RouteUitAdvies = "route-gekozen";

    /// <summary>
    /// The route of the chair's new advies after the Stopknop (<c>telling-route-nieuw-advies</c>): the RVT's own
    /// advies as much as the one after triage (the same role records it in the same form with the same routes,
    /// while the route that harmed is stopped), so it counts as an intervention.
    /// </summary>
    public const string RouteUitNieuwAdvies = "route-nieuw-advies";

    /// <summary>
    /// A route a finished route asked for (an evaluatie that scales up, a maatregel, the return to vrijwilligheid
    /// after one, "beide" included): decided inside the route or by the court, not the RVT's advies, so not
    /// counted as an intervention (<c>telling-route-vervolg</c>, <c>telling-beide-*</c>).
    /// </summary>
    public const string RouteUitVervolg = "route-vervolg";

    /// <summary>The route facts the intervention rows count.</summary>
    public static readonly IReadOnlyList<string> RouteDoorRvtAdvies = [RouteUitAdvies, RouteUitNieuwAdvies];

    /// <summary>
    /// A readiness check that found it too early for the Raad, or an interventiegesprek whose agreements in the vrijwillig
    /// kader work (rvt-interventiegesprek-rvdk, dimension via). Not a raadsonderzoek without a measure: the Raad was needed.
    /// </summary>
    public const string MaatregelVoorkomen = "maatregel-voorkomen";

    /// <summary>A route asked to bring the casus back to the table (rvt-traject, dimensions route, huishouden).</summary>
    public const string TerugNaarTafel = "terug-naar-tafel";

    /// <summary>A court measure ended, however (rvt-maatregel, dimension soort).</summary>
    public const string MaatregelBeeindigd = "maatregel-beeindigd";

    /// <summary>After a measure, the return to vrijwilligheid was planned (rvt-maatregel, dimension route).</summary>
    public const string TerugkeerVrijwilligheid = "terugkeer-vrijwilligheid";

    /// <summary>A decision step was completed (HumanTask countAs): outcome and the family's agreement (dimension gezinEens).</summary>
    public const string Beslismoment = "beslismoment";

    public const string GezinEens = "gezinEens";
    public const string EerderIngebracht = "eerderIngebracht";

    /// <summary>The answers that mean the family was asked and its voice recorded ("niet gevraagd" and "leeg" do not).</summary>
    public static readonly IReadOnlyList<string?> GezinsstemVastgelegd = ["ja", "deels", "nee"];
}
