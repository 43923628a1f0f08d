using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// A maatregel on the casus page: the inbrenger sees it but does not do the GI's work; the jeugdbeschermer registers the
/// beschikking and its machtiging (refused beside the field while the machtiging outlasts the OTS, together or later), then
/// ends it with a reason.
/// </summary>
public sealed class MaatregelPageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Beschikking_IsRegisteredByTheJeugdbeschermer_WithAMachtigingOnlyWithinTheOts_AndEndedWithAReason()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de veiligheid; de rechter heeft een OTS uitgesproken.");
        var start = DateTime.Today;
        await prof.GotoAsync($"/casus/{code}");
        await InteractiveAsync(prof);
        await Expect(prof.GetByTestId("maatregel-gi")).ToContainTextAsync("De jeugdbeschermer van de gecertificeerde instelling registreert");
        await Expect(prof.Locator("[data-action='maatregel-registreren']")).ToHaveCountAsync(0);
        await prof.Locator("[data-action='beschikking-verzoek']").ClickAsync();
        await Expect(prof.GetByTestId("beschikking-verzoek")).ToContainTextAsync("de jeugdbeschermers van de GI zien de taak 'Beschikking registreren'");

        // The jeugdbeschermer is involved through a voogdij of another child of the family they already carry out.
        await world.Host.Services.GetRequiredService<MaatregelService>().RegisterAsync(code,
            new MaatregelRegistratie(MaatregelType.Voogdij, DateOnly.FromDateTime(start), null, Jeugdbeschermer: "jeugdbeschermer"), "jeugdbeschermer");
        var gi = await world.SignedInAsync("jeugdbeschermer");
        await gi.GotoAsync($"/casus/{code}");
        await InteractiveAsync(gi);
        await gi.Locator("[data-action='maatregel-registreren']").ClickAsync();
        var form = gi.GetByTestId("maatregel-form");
        await form.GetByText("OTS", new() { Exact = true }).ClickAsync();
        await gi.Locator("#maatregel-start").FillAsync(start.ToString("yyyy-MM-dd"));
        await gi.Locator("#maatregel-eind").FillAsync(start.AddMonths(6).ToString("yyyy-MM-dd"));
        await form.GetByText("Machtiging uithuisplaatsing", new() { Exact = true }).ClickAsync();
        await gi.Locator("#machtiging-start").FillAsync(start.ToString("yyyy-MM-dd"));
        await gi.Locator("#machtiging-eind").FillAsync(start.AddMonths(7).ToString("yyyy-MM-dd"));
        await gi.Locator("[data-action='maatregel-opslaan']").ClickAsync();
        await Expect(form).ToContainTextAsync("De machtiging loopt niet langer dan de (voorlopige) OTS");

        // Without the machtiging the OTS is registered; the machtiging follows on its own beschikking.
        await form.GetByText("Geen", new() { Exact = true }).ClickAsync();
        await gi.Locator("[data-action='maatregel-opslaan']").ClickAsync();
        var ots = gi.Locator("[data-maatregel]", new() { HasText = "OTS · " });
        var dutch = new System.Globalization.CultureInfo("nl-NL");
        await Expect(ots).ToContainTextAsync("OTS · lopend");
        await Expect(ots).ToContainTextAsync("Einddatum: " + start.AddMonths(6).ToString("d MMMM yyyy", dutch));

        await ots.Locator("[data-action='machtiging-registreren']").ClickAsync();
        var later = gi.GetByTestId("machtiging-form");
        await later.GetByText("Machtiging uithuisplaatsing", new() { Exact = true }).ClickAsync();
        await gi.Locator("#later-machtiging-start").FillAsync(start.ToString("yyyy-MM-dd"));
        await gi.Locator("#later-machtiging-eind").FillAsync(start.AddMonths(7).ToString("yyyy-MM-dd"));
        await gi.Locator("[data-action='machtiging-opslaan']").ClickAsync();
        await Expect(later).ToContainTextAsync("De machtiging loopt niet langer dan de (voorlopige) OTS");
        await gi.Locator("#later-machtiging-eind").FillAsync(start.AddMonths(6).ToString("yyyy-MM-dd"));
        await gi.Locator("[data-action='machtiging-opslaan']").ClickAsync();
        await Expect(ots.GetByTestId("machtiging")).ToContainTextAsync("vervalt op " + start.AddMonths(3).ToString("d MMMM yyyy", dutch));
        await Expect(ots.Locator("[data-action='machtiging-registreren']")).ToHaveCountAsync(0); // one at a time

        await ots.Locator("[data-action='maatregel-beeindigen']").ClickAsync();
        await gi.Locator("#maatregel-reden").FillAsync("De GI beëindigt de OTS: het netwerk draagt de zorg.");
        await gi.Locator("[data-action='maatregel-beeindigen-bevestigen']").ClickAsync();
        await Expect(ots).ToContainTextAsync("OTS · beëindigd");
        await Expect(ots).ToContainTextAsync("Beëindigd: De GI beëindigt de OTS");
    }
}
