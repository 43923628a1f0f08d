using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The professionals' screens in Chromium with several people signed in at once, each in their own browser
/// context: from aanmelding through triage and advies to the netwerkberaad, the Veiligheidskaart and the Stopknop.
/// </summary>
public sealed class WorkScenarioTests(BrowserWorld world, ITestOutputHelper output) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task IntakeTriageAdvies_ReachTheProfessionalLive_AndTheCasusPageKeepsTheStory()
    {
        var prof = await world.SignedInAsync("prof1");
        var chair = await world.SignedInAsync("voorzitter");

        // Aanmelding: the identifier guard speaks beside the field before anything is stored.
        await prof.GotoAsync("/aanmelding");
        await InteractiveAsync(prof);
        await prof.Locator("#veld-hulpvraag").FillAsync("Moeder belt, BSN 111222333, zorgen om de kinderen");
        await Expect(prof.Locator("[data-testid='aanmelding-form']")).ToContainTextAsync("BSN");
        var code = await RegisterIntakeAsync(prof, "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.");
        await Expect(prof.GetByTestId("casus-aangemeld")).ToContainTextAsync(code);

        // The professional keeps the inbox open; everything after this arrives without a reload.
        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);

        // The chair triages it to bespreking at the table two weeks out.
        await chair.GotoAsync("/rvt");
        await InteractiveAsync(chair);
        await OpenTaskAsync(chair, "triage", code, "Triage nieuwe aanmelding");
        await chair.Locator("#veld-tafeldatum").FillAsync(TafelDatum);
        await CompleteAsync(chair, "Bespreking");

        // Before the table the chair puts a question on the casus page; the inbrenger will read it there.
        await chair.GotoAsync($"/casus/{code}");
        await InteractiveAsync(chair);
        await chair.Locator("#tafelvraag").FillAsync("Wat doet het netwerk nu al, en wie houdt het vol?");
        await chair.Locator("[data-action='tafelvraag-stellen']").ClickAsync();
        await Expect(chair.GetByTestId("tafelvragen")).ToContainTextAsync("wie houdt het vol?");

        // Live: the preparation task appears in the professional's inbox.
        var voorbereiden = prof.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']").Filter(new() { HasText = "Bespreking aan de RVT-tafel voorbereiden" });
        await Expect(voorbereiden).ToBeVisibleAsync();
        await Expect(voorbereiden).ToContainTextAsync("nieuw");
        await Screenshot(prof, "werk-inbox");
        await OpenTaskAsync(prof, "mijn-taken", code, "Bespreking aan de RVT-tafel voorbereiden");
        await prof.Locator("#veld-inbrengVraag").FillAsync("Is een netwerkberaad genoeg, of is meer nodig?");
        await CompleteAsync(prof, "Voorbereid");
        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);

        // On the table agenda under its date; the advies needs its text before a route can be chosen.
        await chair.GotoAsync("/rvt");
        await InteractiveAsync(chair);
        await Expect(chair.Locator($"[data-tafel='{TafelDatum}'] [data-casus='{code}']")).ToContainTextAsync("klaar voor advies");
        await OpenTaskAsync(chair, "advies", code, "Advies en vervolgroute vastleggen");
        await Expect(chair.GetByText("Vraag van de inbrenger: Is een netwerkberaad genoeg, of is meer nodig?")).ToBeVisibleAsync();
        await chair.Locator("[data-outcome='Netwerkberaad']").ClickAsync();
        await Expect(chair.Locator("[data-field='advies']")).ToContainTextAsync("Vul dit veld in.");
        await Screenshot(chair, "werk-taakformulier");
        await chair.Locator("#veld-advies").FillAsync("Netwerkberaad met oma en de buurvrouw; school sluit aan.");
        // The family's voice: their own words, and when they agree only partly, why.
        await chair.Locator("#veld-gezinZegt").FillAsync("Oma mag erbij, de school liever niet.");
        await chair.Locator("[data-field='gezinEens']").GetByText("deels", new() { Exact = true }).ClickAsync();
        await chair.Locator("[data-outcome='Netwerkberaad']").ClickAsync();
        await Expect(chair.Locator("[data-field='gezinEensWaarom']")).ToContainTextAsync("Zeg waarom het gezin het niet of maar deels eens is.");
        await chair.Locator("#veld-gezinEensWaarom").FillAsync("Moeder vindt de school te dichtbij.");
        // What the table weighed stays with the advies.
        await chair.Locator("#veld-tegengeluid").FillAsync("Een lid wilde eerst een gesprek met de Raad.");
        await CompleteAsync(chair, "Netwerkberaad");

        // Live again: the netwerkberaad's first task; the professional plans it.
        var plannen = prof.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']").Filter(new() { HasText = "Netwerkberaad plannen" });
        await Expect(plannen).ToBeVisibleAsync();
        await OpenTaskAsync(prof, "mijn-taken", code, "Netwerkberaad plannen");
        await prof.Locator("#veld-datum").FillAsync(TafelDatum);
        await CompleteAsync(prof, "Gepland");

        // The Veiligheidskaart: a first version, then an afspraak added; the history compares them.
        await prof.GotoAsync($"/casus/{code}");
        await InteractiveAsync(prof);
        await Expect(prof.GetByTestId("casus-facts")).ToContainTextAsync("route: Netwerkberaad");
        // The inbrenger reads the table's question but does not put one (that is for the people at the table).
        await Expect(prof.GetByTestId("tafelvragen")).ToContainTextAsync("Wat doet het netwerk nu al, en wie houdt het vol? (voorzitter");
        await Expect(prof.Locator("[data-action='tafelvraag-stellen']")).ToHaveCountAsync(0);
        await prof.Locator("[data-action='kaart-bewerken']").ClickAsync();
        await prof.Locator("#kaart-zorgen").FillAsync("Spanningen thuis\nKinderen alleen na school");
        await prof.Locator("#kaart-krachten").FillAsync("Oma is betrokken");
        await prof.Locator("[data-action='kaart-opslaan']").ClickAsync();
        await Expect(prof.GetByTestId("kaart-opgeslagen")).ToContainTextAsync("versie 1");
        await prof.Locator("[data-action='kaart-bewerken']").ClickAsync();
        await prof.Locator("[data-action='afspraak-toevoegen']").ClickAsync();
        await prof.Locator("#afspraak-0-wat").FillAsync("Kinderen gaan na school naar oma");
        await prof.Locator("#afspraak-0-wie").FillAsync("oma");
        await prof.Locator("[data-action='kaart-opslaan']").ClickAsync();
        await Expect(prof.GetByTestId("kaart-opgeslagen")).ToContainTextAsync("versie 2");
        await Expect(prof.GetByTestId("veiligheidskaart").First).ToContainTextAsync("Kinderen gaan na school naar oma");
        var versies = prof.GetByTestId("kaart-versies");
        await Expect(versies.Locator("tr[data-versie]")).ToHaveCountAsync(2);
        await versies.Locator("[data-action='vergelijk-2']").ClickAsync();
        await Expect(prof.GetByTestId("kaart-verschil")).ToContainTextAsync("toegevoegd: Kinderen gaan na school naar oma · wie: oma");
        await Expect(prof.GetByTestId("tijdlijn")).ToContainTextAsync("Advies vastleggen: Netwerkberaad");
        await Expect(prof.GetByTestId("tijdlijn")).ToContainTextAsync("Veiligheidskaart versie 2 opgeslagen");

        // Someone not on the casus gets "geen toegang" for its address.
        var stranger = await world.SignedInAsync("prof2");
        await stranger.GotoAsync($"/casus/{code}");
        await Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(stranger.Locator("body")).Not.ToContainTextAsync("Zorgen om de veiligheid thuis");

        // The Stopknop pauses the traject; the chair's review task arrives in the chair's open inbox.
        await chair.GotoAsync("/inbox");
        await InteractiveAsync(chair);
        await prof.Locator("[data-action='stopknop']").ClickAsync();
        await prof.Locator("#stopknop-reden").FillAsync("De gesprekken maken de spanning thuis groter.");
        await prof.GetByText("Ik weet het zeker").ClickAsync();
        await prof.Locator("[data-action='stopknop-bevestigen']").ClickAsync();
        await Expect(prof.GetByTestId("stopknop-gepauzeerd")).ToContainTextAsync("Beoordeling door Voorzitter RVT");
        await Expect(prof.GetByTestId("traject-status")).ToContainTextAsync("gepauzeerd");
        await Screenshot(prof, "werk-casus");
        await Expect(chair.Locator($"[data-list='team-taken'] tr[data-casus='{code}']")
            .Filter(new() { HasText = "Stopknop ingedrukt: beoordeel of de hulp schaadt" })).ToBeVisibleAsync();
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(BrowserWorld.ArtifactsDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }
}
