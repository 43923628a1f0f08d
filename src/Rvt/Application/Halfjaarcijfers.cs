using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Rvt.Application;

/// <summary>
/// One line of the RVT's half-year report: a count per half-year, or a heading line (<see cref="IsKop"/>) that
/// only groups the lines below it and has no numbers.
/// </summary>
public sealed record HalfjaarRij(string Onderdeel, int EersteHalfjaar, int TweedeHalfjaar, bool IsKop = false)
{
    public static HalfjaarRij Kop(string onderdeel) => new(onderdeel, 0, 0, IsKop: true);

    public int Totaal => EersteHalfjaar + TweedeHalfjaar;
}

public sealed record Halfjaarcijfers(int Jaar, IReadOnlyList<HalfjaarRij> Rijen);

/// <summary>
/// The half-year figures row for row as the RVT's factsheet ("Cijfers 2024"), counted from the facts the
/// shipped flows record at the moment something happens (see README, "What is counted"). Half-years run
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
        ]);
    }

    // Summed from the day rollup of the facts: a national half-year costs a few hundred rows.
    private async Task<Counts> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var triage = await monitoring.CountFactsByDayAsync(from, to, "uitkomst", ct);
        var routes = await monitoring.CountFactsByDayAsync(from, to, "route", ct);
        var huishoudens = await monitoring.CountFactsByDayAsync(from, to, "huishouden", ct);
        return new Counts(
            triage.Where(c => c.Name == RvtFacts.Triage).ToDictionary(c => c.DimensionValue ?? "", c => c.Count),
            routes.Where(c => RvtFacts.RouteDoorRvtAdvies.Contains(c.Name))
                .GroupBy(c => c.DimensionValue ?? "").ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            huishoudens.Where(c => c.Name == RvtFacts.Aanmelding && c.DimensionValue == nameof(Huishouden.HuishoudenZonderKinderen)).Sum(c => c.Count));
    }

    private sealed record Counts(IReadOnlyDictionary<string, int> Triages, IReadOnlyDictionary<string, int> AdviesRoutes, int HuishoudensZonderKinderen)
    {
        public int Triage(string uitkomst) => Triages.GetValueOrDefault(uitkomst);
        public int Advies(string route) => AdviesRoutes.GetValueOrDefault(route);
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
}
