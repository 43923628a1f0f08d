using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>The managers' screens in Chromium, on data made through the product (see <see cref="ManagerWorld"/>).</summary>
public sealed partial class DashboardTests(ManagerWorld world, ITestOutputHelper output) : IClassFixture<ManagerWorld>
{
    // The counters ask again every 5 seconds; give a busy machine a few rounds.
    private static readonly LocatorAssertionsToHaveTextOptions Live = new() { Timeout = 30_000 };

    [Fact]
    public async Task Manager_SeesTheOverdueTaskAndTheStuckTraject_ByCasusCodeOnly_AndDrillsDown()
    {
        var page = await world.Browser.SignedInAsync("manager");
        // The menu offers the dashboard; follow its address (a click that lands while the circuit is still starting
        // can change the address without the page following, in loaded full-suite runs).
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dashboard", Exact = true })).ToHaveAttributeAsync("href", "/dashboard");
        await page.GotoAsync("/dashboard");

        await Expect(Counter(page, "te-laat")).ToHaveTextAsync("1");
        await Expect(Counter(page, "vastgelopen")).ToHaveTextAsync("1");
        var group = page.Locator("[data-overdue-group='rvt-aanmelding/triage']");
        await Expect(group).ToContainTextAsync("Voorzitter RVT");
        await Expect(group).ToContainTextAsync("Triage nieuwe aanmelding");
        await Expect(group).ToContainTextAsync("te laat");
        var stuck = page.Locator($"[data-stuck-casus='{world.WaitingCasus}']");
        await Expect(stuck).ToContainTextAsync("Triage nieuwe aanmelding");
        await Expect(stuck.Locator("td").Nth(4)).ToHaveTextAsync("14 dagen");
        await Expect(stuck.Locator("td").Nth(5)).ToHaveTextAsync("7 dagen");
        await Expect(page.GetByTestId("stuck-norms")).ToContainTextAsync("Reports:StepNorms");
        // Thirteen advised (lead times 2-6, 8-12 and 22-24 days): median the 7th, P90 the 12th.
        await Expect(page.Locator("[data-testid='lead-times'] [data-route='rvt-aanmelding'] td")).ToHaveTextAsync(["Aanmelding tot advies", "13", "9 dagen", "23 dagen"]);
        await Expect(page.GetByTestId("lead-time-chart")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("lead-time-chart")).ToContainTextAsync("Aanmelding tot advies");
        await Expect(MonthCell(page, daysAgo: 68)).ToHaveTextAsync("5 · 10 / 12 d");
        await Expect(MonthCell(page, daysAgo: 35)).ToHaveTextAsync("5 · 4 / 6 d");
        await Expect(MonthCell(page, daysAgo: 0)).ToHaveTextAsync("<5");
        await Expect(page.Locator("a[href*='/casus']")).ToHaveCountAsync(0);
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Zorgen om de veiligheid");

        var screenshot = Path.Combine(BrowserWorld.ArtifactsDirectory, "dashboard-manager.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the dashboard: {screenshot}");

        await LiveAsync(page);
        await group.GetByRole(AriaRole.Link, new() { Name = "Bekijk casussen" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard/te-laat\\?team=RvtChair&route=rvt-aanmelding&stap=triage$"));
        var line = page.Locator($"[data-overdue-casus='{world.WaitingCasus}']");
        await Expect(line).ToContainTextAsync("Triage nieuwe aanmelding");
        await Expect(line).ToContainTextAsync("nog niemand");
        await Expect(line).ToContainTextAsync("dagen");
        await Expect(page.Locator("a[href*='/casus']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Manager_RetriesIncidents_InBulkAndOneByOne_AndSeesEachOutcome()
    {
        var page = await world.Browser.SignedInAsync("manager");
        await page.GotoAsync("/dashboard");
        var incidents = page.Locator("[data-section='incidenten'] tr[data-incident]");
        var caller = incidents.Filter(new() { HasText = ManagerWorld.CallsMissingSubflow });
        var decision = incidents.Filter(new() { HasText = ManagerWorld.ChoosesNoOutcome }).First;
        await Expect(caller).ToHaveCountAsync(1);
        await Expect(decision).ToBeVisibleAsync();
        await LiveAsync(page);

        // The coordinator publishes the missing subflow: one of the two faults is gone, the other is not.
        using (var coordinator = await world.ApiAsync("coordinator"))
        using (var approver = await world.ApiAsync(FlowPublishing.Approver))
            await FlowPublishing.ImportPublishedAsync(coordinator, approver, ManagerWorld.MissingSubflowJson);
        await caller.Locator("input[type=checkbox]").CheckAsync();
        await decision.Locator("input[type=checkbox]").CheckAsync();
        await Expect(page.GetByTestId("retry-selected")).ToContainTextAsync("(2)");
        await page.GetByTestId("retry-selected").ClickAsync();

        var outcomes = page.GetByTestId("retry-outcomes");
        await Expect(outcomes.Locator("[data-retry-outcome]")).ToHaveCountAsync(2);
        await Expect(outcomes.Locator("[data-retry-outcome='opgelost']")).ToContainTextAsync($"{ManagerWorld.CallsMissingSubflow} · registreren: Opgelost");
        await Expect(outcomes.Locator("[data-retry-outcome='mislukt']")).ToContainTextAsync($"{ManagerWorld.ChoosesNoOutcome} · kiezen: Opnieuw mislukt");
        // The incident names the outcomes the decision has, not the value it chose (that came from the instance's data).
        await Expect(outcomes.Locator("[data-retry-outcome='mislukt']")).ToContainTextAsync("is not one of its outcomes: Ja, Nee");
        await Expect(outcomes.Locator("[data-retry-outcome='mislukt']")).Not.ToContainTextAsync("Anders");
        await Expect(caller).ToHaveCountAsync(0);
        await Expect(decision).ToBeVisibleAsync();

        await decision.GetByTestId("retry-one").ClickAsync();
        await Expect(outcomes.Locator("[data-retry-outcome]")).ToHaveCountAsync(1);
        await Expect(outcomes.Locator("[data-retry-outcome='mislukt']")).ToContainTextAsync("Opnieuw mislukt");
        await Expect(decision).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CountersAndIncidents_FollowChangesMadeElsewhere_WithoutReload()
    {
        var page = await world.Browser.SignedInAsync("manager");
        await page.GotoAsync("/dashboard");
        await LiveAsync(page);
        await Counter(page, "vastgelopen").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/dashboard#vastgelopen$"));
        await Expect(page.Locator("#vastgelopen")).ToBeInViewportAsync();
        var running = await NumberAsync(Counter(page, "lopend"));
        var incidents = await NumberAsync(Counter(page, "incidenten"));

        using (var prof2 = await world.ApiAsync("prof2"))
            await ManagerWorld.RegisterIntakeAsync(prof2, "GezinMetKinderen");
        await world.FaultAsync(ManagerWorld.ChoosesNoOutcome);

        await Expect(Counter(page, "lopend")).ToHaveTextAsync($"{running + 1}", Live);
        await Expect(Counter(page, "incidenten")).ToHaveTextAsync($"{incidents + 1}", Live);
        await Expect(page.Locator("[data-section='incidenten'] tr[data-incident]")).ToHaveCountAsync(incidents + 1);
    }

    [Fact]
    public async Task Halfjaarcijfers_OfAChosenYear_ExportAsCsvWithTheSameCellsAsTheTable()
    {
        // A household without children is brought in now: a count of one, which the figures show as "<5".
        using (var prof1 = await world.ApiAsync("prof1"))
            await ManagerWorld.RegisterIntakeAsync(prof1, "HuishoudenZonderKinderen");
        var year = TimeZoneInfo.ConvertTime(world.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).Year;
        var page = await world.Browser.SignedInAsync("manager");
        await page.GotoAsync("/rapportages/halfjaarcijfers?jaar=2001");
        await Expect(page.GetByTestId("year-form")).ToHaveAttributeAsync("data-live", "ja", new() { Timeout = 30_000 });

        await page.Locator("#jaar").FillAsync(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"jaar={year}$"));
        var table = page.Locator($"[data-figures='{year}'] tbody tr");
        await Expect(table.Filter(new() { HasText = "Aantal huishoudens" })).ToContainTextAsync("<5");

        var rows = new List<string>();
        foreach (var row in await table.AllAsync())
            rows.Add(string.Join(';', (await row.Locator("td").AllTextContentsAsync()).Select(c => c.Trim())));
        var href = await page.GetByRole(AriaRole.Link, new() { Name = "CSV downloaden" }).GetAttributeAsync("href");
        var csv = await page.Context.APIRequest.GetAsync(href!);
        var lines = Encoding.UTF8.GetString(await csv.BodyAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(200, csv.Status);
        Assert.Equal($"onderdeel;eerste halfjaar {year};tweede halfjaar {year};totaal", lines[0]);
        Assert.Equal(rows, lines.Skip(1));
    }

    [Fact]
    public async Task Manager_CannotOpenCasusContent()
    {
        var page = await world.Browser.SignedInAsync("manager");

        var casus = await page.Context.APIRequest.GetAsync($"/api/casus/{world.WaitingCasus}");
        var kaart = await page.Context.APIRequest.GetAsync($"/api/casus/{world.WaitingCasus}/veiligheidskaart");
        await page.GotoAsync("/inbox");

        Assert.Equal(403, casus.Status);
        Assert.Equal(403, kaart.Status);
        Assert.DoesNotContain("Zorgen om de veiligheid", await casus.TextAsync());
        await Expect(page).ToHaveURLAsync(new Regex("/geen-toegang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
    }

    /// <summary>The aanmelding's lead time in the month of <paramref name="daysAgo"/> days before the host's now.</summary>
    private ILocator MonthCell(IPage page, int daysAgo)
    {
        var day = TimeZoneInfo.ConvertTime(world.Clock.GetUtcNow().AddDays(-daysAgo), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        return page.Locator($"[data-testid='lead-time-months'] tr[data-month='{day:yyyy-MM}'] td[data-route='rvt-aanmelding']");
    }

    /// <summary>Waits for the live connection: what is clicked before it is up is replaced by the live render.</summary>
    private static Task LiveAsync(IPage page) => Expect(page.GetByTestId("counters-measured")).ToContainTextAsync("ververst elke", new() { Timeout = 30_000 });

    private static async Task<int> NumberAsync(ILocator counter) =>
        int.Parse(await counter.TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Counter(IPage page, string name) => page.Locator($"[data-counter='{name}'] [data-value]");
}
