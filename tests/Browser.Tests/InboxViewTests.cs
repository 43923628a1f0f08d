using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// An inbox that remembers: a professional plans a task (follow-up date, priority) on its page, saves an inbox view sorted by
/// follow-up date, and after a reload picks that view and finds the planned task first.
/// </summary>
public sealed class InboxViewTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Title = "Eerst met het gezin praten over de aanmelding";

    [Fact]
    public async Task AProfessional_PlansATask_SavesAView_AndAfterAReloadThatViewSortsByFollowUp()
    {
        var prof = await world.SignedInAsync("prof1");
        var first = await RegisterIntakeAsync(prof, "Zorgen om de veiligheid thuis; het gezin weet nog van niets.", familyKnows: false);
        var second = await RegisterIntakeAsync(prof, "Zorgen over de opvoeding; het gezin weet nog van niets.", familyKnows: false);

        // By due moment the first aanmelding's task comes first; the holder plans the second one.
        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);
        Assert.True(await PositionAsync(prof, first) < await PositionAsync(prof, second));
        await OpenTaskAsync(prof, "mijn-taken", second, Title);
        var day = DateTime.Today.AddDays(3);
        await prof.Locator("#opvolgen-op").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await ChooseAsync(prof, prof.Locator("[data-field='prioriteit']"), "Hoog");
        await prof.Locator("[data-action='opvolgen-opslaan']").ClickAsync();
        await Expect(prof.GetByTestId("followup-message")).ToContainTextAsync("prioriteit hoog");

        await prof.GotoAsync("/inbox");
        await InteractiveAsync(prof);
        var planned = prof.Locator($"[data-list='mijn-taken'] tr[data-casus='{second}']");
        var shortDay = day.ToString("d MMM", CultureInfo.GetCultureInfo("nl-NL")).Replace(".", "", StringComparison.Ordinal);
        await Expect(planned.Locator("[data-followup]")).ToContainTextAsync($"opvolgen op {shortDay}");
        await Expect(planned.Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "High");
        // Inline, in the row: the first task's priority goes down, its follow-up date (none) stays.
        var other = prof.Locator($"[data-list='mijn-taken'] tr[data-casus='{first}']");
        await ChooseAsync(prof, other.Locator("[data-action='prioriteit-kiezen']"), "Laag");
        await Expect(other.Locator("[data-priority]")).ToHaveAttributeAsync("data-priority", "Low");
        await ChooseAsync(prof, prof.Locator("[data-filter='sort']"), "Opvolgdatum");
        await prof.Locator("#weergave-naam").FillAsync("Opvolgen eerst");
        await prof.Locator("[data-action='weergave-opslaan']").ClickAsync();
        await Expect(prof.GetByTestId("weergave-opgeslagen")).ToContainTextAsync("Opvolgen eerst");

        // A reload starts from the standard view; the saved one is on the server and puts the planned task first.
        await prof.ReloadAsync();
        await InteractiveAsync(prof);
        Assert.True(await PositionAsync(prof, first) < await PositionAsync(prof, second));
        await ChooseAsync(prof, prof.Locator("[data-filter='weergave']"), "Opvolgen eerst");
        await Expect(prof.Locator("[data-list='mijn-taken'] tbody tr").First).ToHaveAttributeAsync("data-casus", second);
        Assert.True(await PositionAsync(prof, second) < await PositionAsync(prof, first));
        await prof.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "artifacts", "werk-inbox-weergave.png"), FullPage = true });
    }

    private static async Task<int> PositionAsync(IPage page, string casus)
    {
        await Expect(page.Locator($"[data-list='mijn-taken'] tr[data-casus='{casus}']")).ToBeVisibleAsync();
        var codes = await page.Locator("[data-list='mijn-taken'] tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.casus)");
        return Array.IndexOf(codes, casus);
    }

    // A MudSelect opens a list in a popover at the end of the page; the option is picked there.
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
