using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>A maatregel registered and ended on the casus page: the legal maximum beside the field, then its dates and its end.</summary>
public sealed class MaatregelPageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Maatregel_IsRefusedBeyondTheLegalMaximum_ThenRegisteredWithItsEndDate_AndEndedWithAReason()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de veiligheid; de rechter heeft een OTS uitgesproken.");
        var start = DateTime.Today;
        await prof.GotoAsync($"/casus/{code}");
        await InteractiveAsync(prof);

        await prof.Locator("[data-action='maatregel-registreren']").ClickAsync();
        var form = prof.GetByTestId("maatregel-form");
        await form.GetByText("OTS", new() { Exact = true }).ClickAsync();
        await prof.Locator("#maatregel-start").FillAsync(start.ToString("yyyy-MM-dd"));
        await prof.Locator("#maatregel-eind").FillAsync(start.AddMonths(13).ToString("yyyy-MM-dd"));
        await prof.Locator("[data-action='maatregel-opslaan']").ClickAsync();
        await Expect(form).ToContainTextAsync("ten hoogste 12 maanden");

        await prof.Locator("#maatregel-eind").FillAsync(start.AddMonths(12).ToString("yyyy-MM-dd"));
        await prof.Locator("[data-action='maatregel-opslaan']").ClickAsync();
        var maatregel = prof.Locator("[data-section='maatregel']");
        await Expect(maatregel).ToContainTextAsync("OTS · lopend");
        await Expect(maatregel).ToContainTextAsync("Einddatum: " + start.AddMonths(12).ToString("d MMMM yyyy", new System.Globalization.CultureInfo("nl-NL")));
        await Expect(maatregel).ToContainTextAsync("Volgende evaluatie of termijn");
        await Expect(prof.GetByTestId("tijdlijn")).ToContainTextAsync("Maatregel OTS geregistreerd");

        await prof.Locator("[data-action='maatregel-beeindigen']").ClickAsync();
        await prof.Locator("#maatregel-reden").FillAsync("De rechter heeft de OTS opgeheven; het netwerk draagt de zorg.");
        await prof.Locator("[data-action='maatregel-beeindigen-bevestigen']").ClickAsync();
        await Expect(maatregel).ToContainTextAsync("OTS · beëindigd");
        await Expect(maatregel).ToContainTextAsync("Beëindigd: De rechter heeft de OTS opgeheven");
    }
}
