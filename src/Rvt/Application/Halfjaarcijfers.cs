using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Rvt.Application;

/// <summary>One line of the RVT's half-year report.</summary>
public sealed record HalfjaarRij(string Onderdeel, int EersteHalfjaar, int TweedeHalfjaar)
{
    public int Totaal => EersteHalfjaar + TweedeHalfjaar;
}

public sealed record Halfjaarcijfers(int Jaar, IReadOnlyList<HalfjaarRij> Rijen);

/// <summary>
/// The half-year figures in the shape of the RVT's own report ("Cijfers 2024"), counted from the facts
/// the shipped flows record at the moment something happens (see README, "What is counted"). Half-years
/// run from 1 January and 1 July, 00:00 Europe/Amsterdam. Facts hold no casus content, so the figures
/// survive the retention rule.
/// </summary>
public sealed class HalfjaarcijfersService(IWorkflowMonitoring monitoring)
{
    public async Task<Halfjaarcijfers> ForYearAsync(int jaar, CancellationToken ct = default)
    {
        var eerste = await CountAsync(new DateOnly(jaar, 1, 1), new DateOnly(jaar, 7, 1), ct);
        var tweede = await CountAsync(new DateOnly(jaar, 7, 1), new DateOnly(jaar + 1, 1, 1), ct);
        HalfjaarRij Rij(string onderdeel, Func<Counts, int> tel) => new(onderdeel, tel(eerste), tel(tweede));
        return new Halfjaarcijfers(jaar,
        [
            Rij("Besproken casus", t => t.Triage("bespreking")),
            Rij("Consultatie & Advies", t => t.Triage("consultatie-advies") + t.Triage("spoed")),
            Rij("Netwerkberaden met partners", t => t.Route("netwerkberaad")),
            Rij("Interventiegesprek RvdK", t => t.Route("interventiegesprek-rvdk")),
            Rij("Begeleiding i.s.m. lokaal team", t => t.Route("begeleiding-in-duo")),
            Rij("Aantal huishoudens (zonder kinderen)", t => t.HuishoudensZonderKinderen),
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
            routes.Where(c => c.Name == RvtFacts.RouteGekozen).ToDictionary(c => c.DimensionValue ?? "", c => c.Count),
            huishoudens.Where(c => c.Name == RvtFacts.Aanmelding && c.DimensionValue == nameof(Huishouden.HuishoudenZonderKinderen)).Sum(c => c.Count));
    }

    private sealed record Counts(IReadOnlyDictionary<string, int> Triages, IReadOnlyDictionary<string, int> Routes, int HuishoudensZonderKinderen)
    {
        public int Triage(string uitkomst) => Triages.GetValueOrDefault(uitkomst);
        public int Route(string route) => Routes.GetValueOrDefault(route);
    }
}

/// <summary>The fact names the shipped flows record (RecordFact activities).</summary>
public static class RvtFacts
{
    public const string Aanmelding = "aanmelding";
    public const string Triage = "triage";
    public const string RouteGekozen = "route-gekozen";
}
