using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>Bewust vertragen in the browser: the holder picks a day and says why; the task and the inbox then say so instead of a due date.</summary>
public sealed class TaskSlowingTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Holder_SlowsATaskWithADayAndAReason_AndTheTaskAndTheInboxShowIt()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de opvoeding; het gezin wil eerst rust.");
        var chair = await world.SignedInAsync("voorzitter");
        await chair.GotoAsync("/rvt");
        await InteractiveAsync(chair);
        await OpenTaskAsync(chair, "triage", code, "Triage nieuwe aanmelding");
        await chair.Locator("#veld-tafeldatum").FillAsync(TafelDatum);
        await CompleteAsync(chair, "Bespreking");

        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);
        await OpenTaskAsync(prof, "mijn-taken", code, "Bespreking aan de RVT-tafel voorbereiden");
        await prof.Locator("[data-action='vertragen']").ClickAsync();
        var form = prof.GetByTestId("vertragen-form");
        var day = DateTime.Today.AddDays(10);
        await prof.Locator("#vertragen-tot").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        // An identifier in the reason is refused under the field, and nothing is slowed.
        await prof.Locator("#vertragen-reden").FillAsync("Moeder belt op 06-12345678 als ze er klaar voor is");
        await prof.Locator("[data-action='vertragen-bevestigen']").ClickAsync();
        await Expect(form).ToContainTextAsync("telefoonnummer");
        await Expect(prof.GetByTestId("task-slowed")).ToHaveCountAsync(0);

        await prof.Locator("#vertragen-reden").FillAsync("Het gezin heeft eerst rust nodig; we bespreken het samen na de vakantie.");
        await prof.Locator("[data-action='vertragen-bevestigen']").ClickAsync();
        var dutchDay = day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        await Expect(prof.GetByTestId("task-slowed")).ToHaveTextAsync($"Bewust vertraagd tot {dutchDay}");
        await Expect(prof.GetByTestId("task-slowed-reason")).ToContainTextAsync("we bespreken het samen na de vakantie");
        await Expect(form).ToHaveCountAsync(0);

        await prof.GotoAsync("/inbox");
        var row = prof.Locator($"[data-list='mijn-taken'] tr[data-casus='{code}']");
        await Expect(row.Locator("[data-slowed]")).ToContainTextAsync($"bewust vertraagd tot {dutchDay}");
    }
}
