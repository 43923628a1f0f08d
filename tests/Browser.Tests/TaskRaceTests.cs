using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>Two people on the same thing: a team task claimed, given back and raced for; the Veiligheidskaart edited twice at once. The slower one never loses what they typed.</summary>
public sealed class TaskRaceTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task TeamTask_IsClaimedAndGivenBack_AndTheSlowerChairKeepsWhatTheyTyped()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de opvoeding; de ouders willen hulp.");
        var first = await world.SignedInAsync("voorzitter");
        var second = await world.SignedInAsync("voorzitter");

        // Claim moves the task from the team's list to mine; giving it back moves it again.
        await first.GotoAsync("/inbox");
        await InteractiveAsync(first);
        var teamRow = first.Locator($"[data-list='team-taken'] tr[data-casus='{code}']");
        await teamRow.Locator("[data-action='claim']").ClickAsync();
        var mineRow = first.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']");
        await Expect(mineRow).ToContainTextAsync("Triage nieuwe aanmelding");
        await Expect(teamRow).ToHaveCountAsync(0);
        await mineRow.Locator("[data-action='release']").ClickAsync();
        await Expect(teamRow).ToContainTextAsync("Triage nieuwe aanmelding");
        var taskId = await teamRow.GetAttributeAsync("data-task");

        // Both open the triage; the second types a date while the first decides.
        await first.GotoAsync($"/taken/{taskId}");
        await second.GotoAsync($"/taken/{taskId}");
        await InteractiveAsync(first);
        await InteractiveAsync(second);
        await second.Locator("#veld-tafeldatum").FillAsync(TafelDatum);
        await CompleteAsync(first, "Consultatie & Advies");

        await Expect(second.GetByTestId("task-changed")).ToBeVisibleAsync();
        await second.Locator("[data-outcome='Bespreking']").ClickAsync();
        await Expect(second.GetByTestId("task-conflict")).ToContainTextAsync("Iemand anders heeft deze taak intussen afgehandeld");
        await Expect(second.Locator("#veld-tafeldatum")).ToHaveValueAsync(TafelDatum);
    }

    [Fact]
    public async Task Holder_HandsATaskToAColleague_WhoSeesItArriveLive()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de thuissituatie; het gezin wil hulp.");
        var chair = await world.SignedInAsync("voorzitter");
        await chair.GotoAsync("/rvt");
        await InteractiveAsync(chair);
        await OpenTaskAsync(chair, "triage", code, "Triage nieuwe aanmelding");
        await chair.Locator("#veld-tafeldatum").FillAsync(TafelDatum);
        await CompleteAsync(chair, "Bespreking");
        var colleague = await world.SignedInAsync("prof2");
        await colleague.GotoAsync("/inbox");
        await InteractiveAsync(colleague);

        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);
        await OpenTaskAsync(prof, "mijn-taken", code, "Bespreking aan de RVT-tafel voorbereiden");
        await prof.Locator("[data-action='overdragen']").ClickAsync();
        await prof.Locator("#overdragen-aan").FillAsync("niemand");
        await prof.Locator("[data-action='overdragen-bevestigen']").ClickAsync();
        await Expect(prof.GetByTestId("overdragen-form")).ToContainTextAsync("Er is geen gebruiker 'niemand'.");
        await prof.Locator("#overdragen-aan").FillAsync("prof2");
        await prof.Locator("[data-action='overdragen-bevestigen']").ClickAsync();

        await Expect(prof.GetByTestId("task-handed")).ToContainTextAsync("prof2");
        await Expect(prof.Locator("[data-outcome='Voorbereid']")).ToHaveCountAsync(0);
        await Expect(colleague.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']")).ToContainTextAsync("Bespreking aan de RVT-tafel voorbereiden");
    }

    [Fact]
    public async Task Veiligheidskaart_EditedInTwoTabs_TheLaterSaveIsRefused_KeepsItsText_AndSavesOnTopAfterwards()
    {
        var first = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(first, "Zorgen over spanningen thuis; het gezin wil hulp.");
        var second = await world.SignedInAsync("prof1");
        foreach (var tab in new[] { first, second })
        {
            await tab.GotoAsync($"/casus/{code}");
            await InteractiveAsync(tab);
            await tab.Locator("[data-action='kaart-bewerken']").ClickAsync();
        }

        await first.Locator("#kaart-zorgen").FillAsync("Spanningen thuis");
        await first.Locator("[data-action='kaart-opslaan']").ClickAsync();
        await Expect(first.GetByTestId("kaart-opgeslagen")).ToContainTextAsync("versie 1");
        await second.Locator("#kaart-krachten").FillAsync("Buurvrouw vangt de kinderen op");
        await second.Locator("[data-action='kaart-opslaan']").ClickAsync();

        await Expect(second.GetByTestId("kaart-conflict")).ToContainTextAsync("nu versie 1");
        await Expect(second.Locator("#kaart-krachten")).ToHaveValueAsync("Buurvrouw vangt de kinderen op");
        await second.Locator("[data-action='kaart-opslaan']").ClickAsync();
        await Expect(second.GetByTestId("kaart-opgeslagen")).ToContainTextAsync("versie 2");
        await Expect(second.GetByTestId("kaart-versies").Locator("tr[data-versie]")).ToHaveCountAsync(2);
    }
}
