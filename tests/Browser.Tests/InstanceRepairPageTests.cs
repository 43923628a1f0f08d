using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Repairing an instance from its page in the studio: a waiting step moved to another activity of its type, first shown,
/// then done with a reason that appears in the journal.
/// </summary>
public sealed class InstanceRepairPageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Flow = """
        { "id": "browser-herstel", "name": "Browser-herstel",
          "activities": [
            { "id": "gesprek", "type": "HumanTask", "inputs": { "title": "Gesprek", "candidateGroup": "Professional" } },
            { "id": "verslag", "type": "HumanTask", "inputs": { "title": "Verslag", "candidateGroup": "Professional" } } ],
          "connections": [ { "source": "gesprek", "outcome": "Afgerond", "target": "verslag" } ] }
        """;

    [Fact]
    public async Task Coordinator_MovesAWaitingStep_SeesWhatHappensFirst_AndFindsTheReasonInTheJournal()
    {
        var page = await world.SignedInAsync("coordinator");
        await FlowPublishing.ImportPublishedAsync(page, Flow);
        var id = (await world.Host.Services.GetRequiredService<WorkflowRuntime>().StartAsync("browser-herstel")).InstanceId;

        await page.GotoAsync($"/studio/instanties/{id}");
        // The path is drawn once the page is interactive: only then do the selects open.
        await Expect(page.GetByTestId("flow-canvas").Locator("[data-cell-id='gesprek'] > rect")).ToHaveAttributeAsync("stroke", "#1565c0");
        await Choose(page, page.GetByTestId("repair-kind"), "Wachtende stap verplaatsen");
        await Choose(page, page.GetByTestId("repair-activity"), "gesprek (Taak)");
        await Choose(page, page.GetByTestId("repair-target"), "verslag (Taak)");
        await page.GetByTestId("repair-preview").ClickAsync();
        await Expect(page.GetByTestId("repair-result")).ToContainTextAsync("Dit gebeurt:");
        await Expect(page.GetByTestId("repair-apply")).ToBeDisabledAsync(); // no reason yet
        await page.GetByTestId("repair-reason").FillAsync("gesprek was al gevoerd");
        await page.GetByTestId("repair-apply").ClickAsync();

        await Expect(page.GetByTestId("repair-result")).ToContainTextAsync("Gedaan:");
        await Expect(page.GetByTestId("instance-journal")).ToContainTextAsync("Hersteld: stap 'gesprek' verplaatst naar 'verslag': gesprek was al gevoerd");
        await Expect(page.Locator("[data-testid='instance-waiting'] tr[data-activity='verslag']")).ToBeVisibleAsync();
        var task = Assert.Single(await world.Host.Services.GetRequiredService<IWorkflowStore>().GetBookmarksAsync(id));
        Assert.Equal("verslag", task.ActivityId);
    }

    private static async Task Choose(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
