using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;

namespace ProcessEngine.Host.Tests.Scenarios;

public sealed class HalfjaarcijfersScenarioTests
{
    private static Dictionary<string, object?> Input(string huishouden, string onveiligheid = "structureel") => Traject.Form(
        ("onveiligheid", onveiligheid), ("inbrenger", Traject.Inbrenger), ("huishouden", huishouden));

    private static async Task TrajectAsync(ScenarioEngine engine, DateTimeOffset when, string casus, string huishouden, string? triage, string route)
    {
        engine.Clock.SetUtcNow(when);
        await engine.Runtime.StartAsync("rvt-traject", Input(huishouden, triage is null ? "acuut" : "structureel"), casus);
        if (triage is null) await engine.CompleteAsync(casus, "Spoed: acute onveiligheid gemeld", "Advies gegeven", user: Traject.Chair);
        else await engine.CompleteAsync(casus, Traject.Triage, triage, Traject.Form(("tafeldatum", "2026-01-20")), Traject.Chair);
        if (triage == "Bespreking") await engine.CompleteAsync(casus, "Bespreking aan de RVT-tafel voorbereiden", "Voorbereid");
        await engine.CompleteAsync(casus, Traject.Advies, route, Traject.Form(("advies", "Advies van de tafel")), Traject.Chair);
    }

    [Fact]
    public async Task Halfjaarcijfers_CountEachFactInTheHalfYearItHappened_ForAKnownSetOfTrajecten()
    {
        await using var engine = ScenarioEngine.Start(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await TrajectAsync(engine, new(2026, 1, 12, 9, 0, 0, TimeSpan.Zero), "H1-A", "GezinMetKinderen", "Bespreking", "Netwerkberaad");
        await TrajectAsync(engine, new(2026, 2, 9, 9, 0, 0, TimeSpan.Zero), "H1-B", "HuishoudenZonderKinderen", "Consultatie & Advies", "Begeleiding in duo");
        // 30 June 23:30 in Amsterdam is still the first half-year (21:30 UTC).
        await TrajectAsync(engine, new(2026, 6, 30, 21, 30, 0, TimeSpan.Zero), "H1-C", "GezinMetKinderen", "Consultatie & Advies", "Netwerkberaad");
        await TrajectAsync(engine, new(2026, 8, 3, 9, 0, 0, TimeSpan.Zero), "H2-A", "GezinMetKinderen", "Consultatie & Advies", "Interventiegesprek RvdK");
        await TrajectAsync(engine, new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero), "H2-B", "HuishoudenZonderKinderen", null, "Advies zonder vervolgroute");
        await TrajectAsync(engine, new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), "NEXT-YEAR", "HuishoudenZonderKinderen", "Bespreking", "Netwerkberaad");

        var cijfers = await engine.Services.GetRequiredService<HalfjaarcijfersService>().ForYearAsync(2026);

        Assert.Equal(
        [
            ("Besproken casus", 1, 0, 1),
            ("Consultatie & Advies", 2, 2, 4),
            ("Netwerkberaden met partners", 2, 0, 2),
            ("Interventiegesprek RvdK", 0, 1, 1),
            ("Begeleiding i.s.m. lokaal team", 1, 0, 1),
            ("Aantal huishoudens (zonder kinderen)", 1, 1, 2),
        ], cijfers.Rijen.Select(r => (r.Onderdeel, r.EersteHalfjaar, r.TweedeHalfjaar, r.Totaal)));
    }
}
