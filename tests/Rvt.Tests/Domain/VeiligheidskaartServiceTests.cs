using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Rvt.Tests.Domain;

public sealed class VeiligheidskaartServiceTests
{
    private static async Task<string> NewCasusAsync(DomainFixture domain) =>
        (await domain.Trajecten.RegisterIntakeAsync(new CasusIntake
        {
            Organisatie = "CJG", Hulpvraag = "Zorgen over de veiligheid thuis", Huishouden = Huishouden.GezinMetKinderen,
            Onveiligheid = Onveiligheid.Structureel,
        }, "prof1")).Value!.CasusCode;

    private static readonly VeiligheidskaartInhoud Eerste = new()
    {
        Zorgen = ["Vader drinkt in het weekend en wordt dan boos"],
        Krachten = ["Oma woont om de hoek en is er elke middag"],
        Afspraken = [new Afspraak("Kinderen slapen in het weekend bij oma", "grootmoeder", "elk weekend", "Wijkteam belt maandag")],
        Monitor = "wijkteam",
    };

    [Fact]
    public async Task Save_AddsVersionsAndKeepsHistory_WhenEachIsBasedOnTheCurrent()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await NewCasusAsync(domain);
        var tweede = Eerste with
        {
            Afspraken = [.. Eerste.Afspraken, new Afspraak("Vader gaat naar de huisarts over het drinken", "vader", "binnen 2 weken", null)],
            Monitor = "netwerkcoördinator",
        };

        var v1 = await domain.Kaarten.SaveAsync(code, Eerste, "prof1", basedOnVersion: 0);
        var v2 = await domain.Kaarten.SaveAsync(code, tweede, "prof2", basedOnVersion: 1);

        Assert.Equal(1, v1.Value!.Nummer);
        Assert.Equal(2, v2.Value!.Nummer);
        var history = await domain.Kaarten.HistoryAsync(code);
        Assert.Equal([(1, "prof1"), (2, "prof2")], history.Select(v => (v.Nummer, v.Auteur)));
        Assert.Equal(Eerste.Afspraken, history[0].Inhoud.Afspraken);
        var verschil = VeiligheidskaartVerschil.Tussen(history[0].Inhoud, history[1].Inhoud);
        Assert.Contains(verschil, v => v is { Veld: "afspraken", Soort: VeiligheidskaartVerschil.Toegevoegd } && v.Nieuw!.StartsWith("Vader gaat naar de huisarts"));
        Assert.Contains(verschil, v => v is { Veld: "monitor", Soort: VeiligheidskaartVerschil.Gewijzigd, Oud: "wijkteam", Nieuw: "netwerkcoördinator" });
        Assert.Equal(2, verschil.Count);
    }

    [Fact]
    public async Task Save_RefusesAndKeepsTheOtherVersion_WhenSomeoneSavedInBetween()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await NewCasusAsync(domain);
        await domain.Kaarten.SaveAsync(code, Eerste, "prof1", 0);
        await domain.Kaarten.SaveAsync(code, Eerste with { Monitor = "prof2" }, "prof2", 1);

        var stale = await domain.Kaarten.SaveAsync(code, Eerste with { Monitor = "prof3" }, "prof3", 1);

        Assert.Equal(DomainOutcome.Conflict, stale.Outcome);
        Assert.Contains("nu versie 2", stale.Message);
        Assert.Equal("prof2", (await domain.Kaarten.HistoryAsync(code))[^1].Inhoud.Monitor);
    }

    [Fact]
    public async Task Save_NamesTheFieldAndStoresNothing_WhenAnAfspraakHoldsAPhoneNumber()
    {
        await using var domain = await DomainFixture.StartAsync();
        var code = await NewCasusAsync(domain);
        var metTelefoon = Eerste with { Afspraken = [new Afspraak("Bellen bij ruzie", "buurvrouw, 06-12345678", "altijd", null)] };

        var result = await domain.Kaarten.SaveAsync(code, metTelefoon, "prof1", 0);

        Assert.Equal(DomainOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors.ContainsKey("afspraken[0].wie"), string.Join("; ", result.Errors));
        Assert.Empty(await domain.Kaarten.HistoryAsync(code));
    }
}
