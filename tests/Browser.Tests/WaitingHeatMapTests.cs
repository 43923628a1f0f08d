using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The flow page's heat map (issue 21) on a host of its own, so every running instance is one this test started: the badge
/// above the triage step counts them, and a click on it lists exactly those instances, without casus codes for a coordinator.
/// </summary>
public sealed class WaitingHeatMapTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task TheHeatMap_CountsTheInstancesWaitingAtTriage_AndAClickListsExactlyThem()
    {
        string[] casus = [await StartTrajectAsync(), await StartTrajectAsync(), await StartTrajectAsync()];
        var page = await world.SignedInAsync("coordinator");
        await page.GotoAsync("/studio/flows/rvt-aanmelding");
        // The three aanmeldingen, as the page's own instance list names them.
        var links = page.Locator("[data-testid='flow-instances'] [data-instance-link]");
        await Expect(links).ToHaveCountAsync(3);
        var instances = (await links.EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.instanceLink)")).Order().ToList();

        // The list above is prerendered; the switch works once the page is interactive, as the designer's drawn canvas shows.
        await Expect(page.Locator("[data-testid='flow-canvas'][data-node-count]").First).ToBeAttachedAsync();
        await page.GetByLabel("Waar trajecten wachten").CheckAsync();

        var map = page.GetByTestId("waiting-map");
        var triage = map.Locator("[data-cell-id='triage']");
        await Expect(triage).ToHaveAttributeAsync("data-waiting", "3");
        await Expect(triage).ToHaveAttributeAsync("data-heat", "binnen-norm");
        await Expect(triage).ToContainTextAsync("3 · mediaan < 1 d · langst < 1 d");
        await Expect(page.Locator("[data-testid='waiting-table'] tr[data-activity='triage']")).ToHaveAttributeAsync("data-count", "3");

        await triage.ClickAsync();
        var rows = page.Locator("[data-testid='waiting-instances'] tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        Assert.Equal(instances, (await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.instance)")).Order());
        var listed = await page.GetByTestId("waiting-instances").InnerTextAsync();
        Assert.All(casus, code => Assert.DoesNotContain(code, listed, StringComparison.Ordinal));

        // A manager watches the same figures on a page of their own (no studio), from the navigation.
        var manager = await world.SignedInAsync("manager");
        await manager.GotoAsync("/wachten/rvt-aanmelding");
        var managersMap = manager.GetByTestId("waiting-map");
        await Expect(managersMap.Locator("[data-cell-id='triage']")).ToHaveAttributeAsync("data-waiting", "3");
        await Expect(manager.Locator("[data-testid='waiting-table'] tr[data-activity='triage']")).ToHaveAttributeAsync("data-count", "3");
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Waar trajecten wachten" })).ToBeVisibleAsync();
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
}
