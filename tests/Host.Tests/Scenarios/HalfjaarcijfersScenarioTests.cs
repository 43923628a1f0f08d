using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;
using static ProcessEngine.Host.Tests.Scenarios.Traject;

namespace ProcessEngine.Host.Tests.Scenarios;

/// <summary>The half-year figures from real trajecten on a moved clock: which decision lands in which row and half-year.</summary>
public sealed class HalfjaarcijfersScenarioTests
{
    private static Dictionary<string, object?> TrajectInput(string huishouden, string onveiligheid = "structureel") => Form(
        ("onveiligheid", onveiligheid), ("inbrenger", Inbrenger), ("huishouden", huishouden));

    private static async Task TrajectAsync(ScenarioEngine engine, DateTimeOffset when, string casus, string huishouden, string? triage, string route)
    {
        engine.Clock.SetUtcNow(when);
        await engine.Runtime.StartAsync("rvt-traject", TrajectInput(huishouden, triage is null ? "acuut" : "structureel"), casus);
        if (triage is null) await engine.CompleteAsync(casus, "Spoed: acute onveiligheid gemeld", "Advies gegeven", user: Chair);
        else await engine.CompleteAsync(casus, Triage, triage, Form(("tafeldatum", "2026-01-20")), Chair);
        if (triage == "Bespreking") await engine.CompleteAsync(casus, "Bespreking aan de RVT-tafel voorbereiden", "Voorbereid");
        await engine.CompleteAsync(casus, Advies, route, Form(("advies", "Advies van de tafel")), Chair);
    }

    private static Task<Halfjaarcijfers> FiguresAsync(ScenarioEngine engine, int year) =>
        engine.Services.GetRequiredService<HalfjaarcijfersService>().ForYearAsync(year);

    [Fact]
    public async Task Halfjaarcijfers_FollowTheFactsheetRowForRow_CountingOnlyTheRvtsAdviesAsIntervention()
    {
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await TrajectAsync(engine, new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero), "H1-A", "GezinMetKinderen", "Bespreking", "Netwerkberaad");
        await NetwerkberaadScenarioTests.HoldNetwerkberaadAsync(engine, "H1-A");
        await TrajectAsync(engine, new(2026, 2, 9, 9, 0, 0, TimeSpan.Zero), "H1-B", "HuishoudenZonderKinderen", "Consultatie & Advies", "Begeleiding in duo");
        // Six weeks after the netwerkberaad its evaluatie scales up: the route asks for an interventiegesprek, the RVT did not advise one.
        await engine.MoveToAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await engine.CompleteAsync("H1-A", "Evaluatie netwerkberaad: werken de afspraken?", "Opschalen");
        Assert.Equal("interventiegesprek-rvdk", await VariableAsync(engine, "H1-A", "route"));
        // 30 June 23:30 in Amsterdam is still the first half-year (21:30 UTC).
        await TrajectAsync(engine, new(2026, 6, 30, 21, 30, 0, TimeSpan.Zero), "H1-C", "GezinMetKinderen", "Consultatie & Advies", "Netwerkberaad");
        await TrajectAsync(engine, new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero), "H2-A", "GezinMetKinderen", "Consultatie & Advies", "Interventiegesprek RvdK");
        await TrajectAsync(engine, new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero), "H2-B", "HuishoudenZonderKinderen", null, "Advies zonder vervolgroute");
        // The Stopknop stops the interventiegesprek; the chair's new advies for begeleiding in duo is the RVT's advies and counts.
        engine.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await engine.Runtime.SignalAsync("Stopknop", "H2-A", payload: Form(("reden", "het gezin raakt overvraagd"))));
        await engine.CompleteAsync("H2-A", StopknopReview, "Andere route", Form(("toelichting", "Eerst samen dragen")), Chair);
        await engine.CompleteAsync("H2-A", NieuwAdvies, "Begeleiding in duo", Form(("advies", "Begeleiding in duo")), Chair);
        await TrajectAsync(engine, new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), "NEXT-YEAR", "HuishoudenZonderKinderen", "Bespreking", "Netwerkberaad");

        var cijfers = await FiguresAsync(engine, 2026);

        // The factsheet's rows first, row for row; what the proeftuin achieves follows under its own heading.
        var factsheet = cijfers.Rijen.Take(Factsheet.Onderdelen.Length).ToList();
        Assert.Equal(Factsheet.Onderdelen, factsheet.Select(r => r.Onderdeel));
        Assert.Equal([Factsheet.Kop, HalfjaarcijfersService.OpbrengstKop], cijfers.Rijen.Where(r => r.IsKop).Select(r => r.Onderdeel));
        Assert.Equal(
        [
            ("Besproken casus / Consultatie & Advies", 3, 2, 5), // H1: bespreking, two C&A; H2: C&A and a spoedadvies
            ("Netwerkberaden met partners", 2, 0, 2),
            ("Interventiegesprek RvdK", 0, 1, 1), // not H1-A's scaling up in March
            ("Begeleiding ism lokaal team", 1, 1, 2), // H2: the new advies after the Stopknop
            ("Aantal huishoudens", 1, 1, 2),
        ], factsheet.Where(r => !r.IsKop).Select(r => (r.Onderdeel, r.EersteHalfjaar, r.TweedeHalfjaar, r.Totaal)));
        // The scaling up is recorded, under its own name, and so stays countable without counting as the RVT's advies.
        var routes = await engine.Services.GetRequiredService<IWorkflowMonitoring>().CountFactsByDayAsync(new(2026, 1, 1), new(2026, 7, 1), "route");
        Assert.Contains(new FactCount(RvtFacts.RouteUitVervolg, "interventiegesprek-rvdk", 1), routes);
    }

    [Fact]
    public async Task Halfjaarcijfers_CountARouteFactOfAnOlderFlowVersionAsBefore_ThoughItCannotSayWhoChoseTheRoute()
    {
        // Before the flows told the sources apart, every route choice was "route-gekozen"; instances keep their
        // version, so such facts go on arriving while older trajecten run. This flow records one as they did.
        const string olderVersion = """
        { "id": "oudere-versie", "name": "Telling zoals rvt-traject die vroeger vastlegde",
          "activities": [
            { "id": "telling", "type": "RecordFact", "inputs": { "fact": "route-gekozen",
              "dimensions": { "expression": "({ route: 'interventiegesprek-rvdk', huishouden: 'GezinMetKinderen' })" } } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "telling", "target": "einde" } ] }
        """;
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero));
        Assert.True((await engine.Services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(olderVersion)).Succeeded);

        var started = await engine.Runtime.StartAsync("oudere-versie", new Dictionary<string, object?>(), "OUD-1");
        var cijfers = await FiguresAsync(engine, 2025);

        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal(("Interventiegesprek RvdK", 0, 1), cijfers.Rijen.Where(r => r.Onderdeel == "Interventiegesprek RvdK")
            .Select(r => (r.Onderdeel, r.EersteHalfjaar, r.TweedeHalfjaar)).Single());
    }
}
