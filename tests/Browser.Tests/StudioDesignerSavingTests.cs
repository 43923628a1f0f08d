using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.DesignerLocators;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Storing what the designer holds: two coordinators saving the same draft (the second gets a conflict, sees both and may
/// overwrite), and a rename that is saved, undone, and stored again before the proefrit drives it.
/// </summary>
public sealed class StudioDesignerSavingTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Two_coordinators_save_the_same_draft_the_second_gets_a_conflict_sees_both_and_may_overwrite()
    {
        var first = await world.SignedInAsync("coordinator");
        await FlowPublishing.ImportPublishedAsync(first, """
                { "id": "browser-conflict-flow", "name": "Browser-conflict",
                  "activities": [ { "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "RvtChair" }, "position": { "x": 0, "y": 0 } } ] }
                """);
        var second = await world.SignedInAsync("beheerder");
        foreach (var page in new[] { first, second })
        {
            await page.SetViewportSizeAsync(1600, 1000);
            await page.GotoAsync("/studio/flows/browser-conflict-flow");
            await page.GetByTestId("flow-canvas").Locator("[data-cell-id='beoordelen'] text").First.ClickAsync();
            // The panel labels inputs with their Dutch names; the JSON name stays in the help text.
            await Expect(page.Locator("[data-testid='property-panel'] [data-input='candidateGroup']")).ToContainTextAsync("Voor welke groep");
        }

        await TextInput(first, "title").FillAsync("Beoordelen door de eerste");
        await first.GetByTestId("designer-save").ClickAsync();
        await Expect(first.GetByTestId("designer-state")).ToHaveTextAsync("opgeslagen");
        await TextInput(second, "title").FillAsync("Beoordelen door de tweede");
        await second.GetByTestId("designer-save").ClickAsync();

        await Expect(second.GetByTestId("flow-conflict")).ToContainTextAsync("Iemand anders heeft deze flow opgeslagen sinds u hem opende (concept 2");
        await Expect(second.GetByTestId("flow-conflict-theirs")).ToHaveAttributeAsync("href", "/studio/flows/browser-conflict-flow?versie=2");
        await Expect(TextInput(second, "title")).ToHaveValueAsync("Beoordelen door de tweede");
        var store = world.Host.Services.GetRequiredService<ProcessEngine.Workflows.Persistence.IWorkflowDefinitionStore>();
        Assert.Contains("Beoordelen door de eerste", (await store.FindLatestAsync("browser-conflict-flow"))!.Json);

        await second.GetByTestId("flow-conflict-overwrite").ClickAsync();
        await Expect(second.GetByTestId("flow-conflict")).ToHaveCountAsync(0);
        await Expect(second.GetByTestId("designer-state")).ToHaveTextAsync("opgeslagen");
        Assert.Contains("Beoordelen door de tweede", (await store.FindLatestAsync("browser-conflict-flow"))!.Json);
    }

    [Fact]
    public async Task Renaming_an_activity_moves_its_connections_saves_under_the_new_id_and_undoes_in_one_step()
    {
        var page = await world.SignedInAsync("coordinator");
        await page.SetViewportSizeAsync(1600, 1000);
        await FlowPublishing.ImportPublishedAsync(page, """
                { "id": "browser-rename-flow", "name": "Browser-hernoemen",
                  "activities": [
                    { "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "RvtChair" }, "position": { "x": 0, "y": 0 } },
                    { "id": "klaar", "type": "End", "position": { "x": 0, "y": 200 } } ],
                  "connections": [ { "source": "beoordelen", "outcome": "Afgerond", "target": "klaar" } ] }
                """);
        await page.GotoAsync("/studio/flows/browser-rename-flow");
        var canvas = page.GetByTestId("flow-canvas");
        await canvas.Locator("[data-cell-id='beoordelen'] text").First.ClickAsync();

        await page.Locator("#activity-id").FillAsync("beoordelen-gezin");
        await page.GetByTestId("activity-rename").ClickAsync();

        await Expect(canvas.Locator("g.x6-node[data-cell-id='beoordelen-gezin']")).ToHaveCountAsync(1);
        await Expect(canvas.Locator("g.x6-node[data-cell-id='beoordelen']")).ToHaveCountAsync(0);
        await Expect(canvas.Locator("g.x6-edge")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("property-panel")).ToHaveAttributeAsync("data-activity", "beoordelen-gezin");
        await Expect(TextInput(page, "title")).ToHaveValueAsync("Beoordelen");
        await page.GetByTestId("designer-save").ClickAsync();
        await Expect(page.GetByTestId("designer-state")).ToHaveTextAsync("opgeslagen");
        var store = world.Host.Services.GetRequiredService<ProcessEngine.Workflows.Persistence.IWorkflowDefinitionStore>();
        var saved = System.Text.Json.JsonDocument.Parse((await store.FindLatestAsync("browser-rename-flow"))!.Json).RootElement;
        Assert.Equal("beoordelen-gezin", saved.GetProperty("connections")[0].GetProperty("source").GetString());

        await page.GetByTestId("designer-undo").ClickAsync();
        await Expect(canvas.Locator("g.x6-node[data-cell-id='beoordelen']")).ToHaveCountAsync(1);
        await Expect(canvas.Locator("g.x6-edge")).ToHaveCountAsync(1);

        // The proefrit drives the flow as the canvas shows it: the designer stores the undone rename before it goes there.
        await page.GetByTestId("designer-test-drive").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/studio/flows/browser-rename-flow/proefrit$"));
        await Expect(page.GetByTestId("proefrit-task-beoordelen")).ToHaveCountAsync(1);
        var driven = System.Text.Json.JsonDocument.Parse((await store.FindLatestAsync("browser-rename-flow"))!.Json).RootElement;
        Assert.Equal("beoordelen", driven.GetProperty("connections")[0].GetProperty("source").GetString());
    }
}
