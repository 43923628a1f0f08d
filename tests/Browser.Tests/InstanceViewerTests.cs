using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>The instance viewer follows an instance live: a task completed elsewhere shows up on the open page.</summary>
public sealed class InstanceViewerTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Visited = "#1b873f";
    private const string Waiting = "#1565c0";

    [Fact]
    public async Task AnOpenInstancePage_ShowsTheNextStep_WhenTheChairCompletesTheTriageElsewhere()
    {
        var casus = await StartTrajectAsync();
        var page = await world.SignedInAsync("coordinator");
        await page.GotoAsync("/studio/flows/rvt-aanmelding");
        // This host has one traject, so the aanmelding subflow has one instance. Opened by its link's address: a click while the
        // designer above is still drawing (a busy machine) can be taken by the designer's guard against leaving unsaved work.
        await page.GotoAsync((await page.Locator("[data-instance-link]").GetAttributeAsync("href"))!);
        var canvas = page.GetByTestId("flow-canvas");
        await Expect(page.Locator("[data-testid='instance-waiting'] tr[data-activity='triage']")).ToBeVisibleAsync();
        await Expect(canvas.Locator("[data-cell-id='triage'] > rect")).ToHaveAttributeAsync("stroke", Waiting);

        await CompleteTriageAsync(casus);

        await Expect(page.GetByTestId("instance-journal")).ToContainTextAsync("Bespreking");
        await Expect(canvas.Locator("[data-cell-id='triage'] > rect")).ToHaveAttributeAsync("stroke", Visited);
        await Expect(canvas.Locator("[data-cell-id='voorbereiden'] > rect")).ToHaveAttributeAsync("stroke", Waiting);
        await Expect(page.Locator("[data-testid='instance-waiting'] tr[data-activity='voorbereiden']")).ToBeVisibleAsync();
    }

    private async Task<string> StartTrajectAsync()
    {
        var professional = await world.SignedInAsync("prof1");
        var response = await professional.Context.APIRequest.PostAsync("/api/trajecten", new()
        {
            DataObject = new
            {
                organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis.", huishouden = "GezinMetKinderen",
                onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
            },
        });
        Assert.Equal(201, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        await professional.Context.CloseAsync();
        return body.RootElement.GetProperty("casusCode").GetString()!;
    }

    private async Task CompleteTriageAsync(string casus)
    {
        var chair = await world.SignedInAsync("voorzitter");
        var api = chair.Context.APIRequest;
        using var tasks = JsonDocument.Parse(await (await api.GetAsync($"/api/tasks/team?casus={casus}")).TextAsync());
        var triage = tasks.RootElement.EnumerateArray().First().GetProperty("id").GetGuid();
        var completed = await api.PostAsync($"/api/tasks/{triage}/complete", new()
        {
            // Relative to today: a fixed date would, two years on, be refused as a likely birth date (IdentifierFormRule).
            DataObject = new { outcome = "Bespreking", data = new { tafeldatum = DateTime.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) } },
        });
        Assert.Equal(200, completed.Status);
        await chair.Context.CloseAsync();
    }
}
