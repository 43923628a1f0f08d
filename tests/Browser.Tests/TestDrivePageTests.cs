using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProcessEngine.Host.Commands;
using ProcessEngine.Workflows.Persistence;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The proefrit as a coordinator drives it: the maatregel flow on a simulated clock through an extension, with the legal dates
/// on screen; saved as a scenario in the draft; and a changed duration in that flow file makes <c>-- test-flows</c> fail on the date.
/// </summary>
public sealed class TestDrivePageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Coordinator_drives_the_maatregel_through_an_extension_saves_it_and_a_changed_duration_fails_test_flows()
    {
        var page = await world.SignedInAsync("coordinator");
        await page.GotoAsync("/studio/flows/rvt-maatregel");
        await page.GetByTestId("flow-test-drive").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/studio/flows/rvt-maatregel/proefrit$"));
        await WerkPages.InteractiveAsync(page);

        // The page starts where the flow's first saved scenario starts: an OTS from 1 February 2027 to 1 February 2028.
        await Expect(Line(page, "ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 23-11-2027 00:00")).ToHaveCountAsync(1);

        await page.Locator("#proefrit-until").FillAsync("2027-11-24");
        await page.GetByTestId("proefrit-advance").ClickAsync();
        await Expect(Line(page, "di 23-11-2027 00:00 · Taak klaargezet: OTS loopt af: verzoekt de GI de kinderrechter om verlenging? · voor gi1 · uiterlijk di 07-12-2027 00:00"))
            .ToHaveCountAsync(1);

        await CompleteAsync(page, "verlenging-verzoek", "Verzoek ingediend", "2027-11-25");
        await page.GetByTestId("proefrit-task-verlenging-beschikking").ClickAsync();
        await page.Locator("#veld-beschikkingsdatum").FillAsync("2028-01-19");
        await page.Locator("#veld-nieuweEindDatum").FillAsync("2029-02-01");
        await CompleteAsync(page, "verlenging-beschikking", "Verlengd", "2028-01-20");

        await Expect(Line(page, "do 20-01-2028 09:00 · Taak afgerond: Beschikking van de kinderrechter op het verzoek tot verlenging → Verlengd")).ToHaveCountAsync(1);
        await Expect(Line(page, "do 20-01-2028 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op do 23-11-2028 00:00")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("proefrit-steps").Locator("li")).ToHaveCountAsync(3);

        await page.Locator("#proefrit-scenario-name").FillAsync("Verlenging in de browser");
        await page.GetByTestId("proefrit-save").ClickAsync();
        await Expect(page.GetByTestId("proefrit-saved")).ToContainTextAsync("Scenario 'Verlenging in de browser' opgeslagen in het concept");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserWorld.ArtifactsDirectory, "proefrit.png"), FullPage = true });

        // The draft as a flow file beside the other shipped flows; a coordinator shortens the request period to 12 weeks before the end.
        var draft = await world.Host.Services.GetRequiredService<IWorkflowDefinitionStore>().FindLatestAsync("rvt-maatregel");
        Assert.False(draft!.IsPublished);
        var folder = Directory.CreateTempSubdirectory("proefrit-").FullName;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows-json"), "rvt-*.json"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllTextAsync(Path.Combine(folder, "rvt-maatregel.json"), draft.Json.Replace("\"P10W\"", "\"P12W\"", StringComparison.Ordinal));
        var output = new StringWriter();

        var exit = await HostCommands.TryRun(["test-flows", folder], output)!;

        Assert.Equal(1, exit);
        Assert.Matches(new Regex("FOUT  rvt-maatregel: Verlenging in de browser \\(\\$\\.scenarios\\[\\d\\]\\): regel \\d+ verschilt: " +
            "verwacht '.*loopt af op di 23-11-2027 00:00', nu '.*loopt af op di 09-11-2027 00:00'"), output.ToString());
    }

    private static ILocator Line(IPage page, string line) => page.Locator($"[data-testid='proefrit-line'][data-line=\"{line}\"]");

    private static async Task CompleteAsync(IPage page, string activityId, string outcome, string day)
    {
        await page.GetByTestId($"proefrit-task-{activityId}").ClickAsync();
        var form = page.GetByTestId("proefrit-task-form");
        await form.GetByText(outcome, new() { Exact = true }).ClickAsync();
        await page.Locator("#proefrit-task-date").FillAsync(day);
        await page.GetByTestId("proefrit-complete").ClickAsync();
        await Expect(page.GetByTestId("proefrit-problem")).ToHaveCountAsync(0);
    }
}
