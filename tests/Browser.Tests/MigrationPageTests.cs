using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProcessEngine.Host.Components;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// Moving running trajecten from the studio: version 2 renames the task they wait in, so the plan has a gap the page names;
/// the coordinator fills it, previews the new title and due dates, moves them with a reason and watches the run finish.
/// </summary>
public sealed class MigrationPageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string FlowId = "browser-verplaatsen";

    private const string Version1 = """
        { "id": "browser-verplaatsen", "name": "Browser-verplaatsen",
          "activities": [
            { "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "Professional", "due": "5 werkdagen", "outcomes": ["Klaar"] } },
            { "id": "einde", "type": "End" } ],
          "connections": [ { "source": "beoordelen", "outcome": "Klaar", "target": "einde" } ] }
        """;

    private static readonly string Version2 = Version1
        .Replace("\"beoordelen\"", "\"beoordelen-gezin\"", StringComparison.Ordinal)
        .Replace("\"Beoordelen\"", "\"Beoordelen met het gezin\"", StringComparison.Ordinal)
        .Replace("5 werkdagen", "10 werkdagen", StringComparison.Ordinal);

    [Fact]
    public async Task Coordinator_FixesTheRenamedTask_PreviewsTheNewTitleAndDates_AndMovesTheTrajecten()
    {
        var page = await world.SignedInAsync("coordinator");
        await ImportAsync(page, Version1);
        var runtime = world.Host.Services.GetRequiredService<WorkflowRuntime>();
        var store = world.Host.Services.GetRequiredService<IWorkflowStore>();
        var instances = new List<Guid>();
        for (var i = 0; i < 3; i++) instances.Add((await runtime.StartAsync(FlowId)).InstanceId);
        var dueBefore = (await store.GetBookmarksAsync(instances[0])).Single().DueAt!.Value;
        await ImportAsync(page, Version2);

        await page.GotoAsync($"/studio/flows/{FlowId}");
        await page.GetByTestId("flow-migrate").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/studio/flows/{FlowId}/verplaatsen$"));

        // The default plan: version 1 (3 running) to the live version 2, where nothing is called "beoordelen" any more.
        await Expect(page.Locator("[data-source-version='1']")).ToContainTextAsync("3 lopende trajecten");
        var row = page.Locator("tr[data-mapping='1:beoordelen']");
        var problem = page.Locator("tr[data-problem-for='1:beoordelen']");
        await Expect(problem).ToContainTextAsync("Activiteit 'beoordelen' (HumanTask, versie 1)");
        await Expect(page.GetByTestId("plan-verdict")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("comparison")).ToContainTextAsync("beoordelen-gezin");
        await Expect(page.GetByTestId("comparison-canvas").Locator("g[data-cell-id='beoordelen-gezin']")).ToHaveAttributeAsync("data-comparison", "added");

        // Fixed in the row: the renamed task, its due date counted again.
        await ChooseAsync(page, row.GetByTestId("mapping-target"), "beoordelen-gezin (Taak)");
        await Expect(page.GetByTestId("plan-ok")).ToBeVisibleAsync();
        await ChooseAsync(page, row.GetByTestId("mapping-due"), "opnieuw berekenen");
        await Expect(row.GetByTestId("mapping-how")).ToHaveTextAsync("gekozen");
        await Expect(problem).ToHaveCountAsync(0);

        await page.GetByTestId("migration-preview").ClickAsync();
        await Expect(page.Locator("[data-testid='preview-totals'] [data-total]")).ToHaveAttributeAsync("data-total", "3");
        await Expect(page.Locator("[data-testid='preview-totals'] [data-movable]")).ToHaveAttributeAsync("data-movable", "3");
        await Expect(page.Locator("[data-testid='preview-landing'] [data-landing='beoordelen-gezin']")).ToContainTextAsync(": 3");
        var table = page.GetByTestId("preview-table");
        await Expect(table.Locator("td[data-instance]")).ToHaveCountAsync(3);
        var first = table.Locator("tr", new() { Has = page.Locator($"td[data-instance='{instances[0]}']") });
        await Expect(first.Locator("[data-change='title']")).ToHaveTextAsync("titel: Beoordelen → Beoordelen met het gezin");
        await Expect(first.Locator("[data-change='due']")).ToContainTextAsync($"termijn: {DutchTime.Short(dueBefore)} → ");
        await Expect(first.Locator("[data-change='due']")).Not.ToContainTextAsync("(blijft)");
        await page.Locator("[data-filter='Geblokkeerd']").ClickAsync();
        await Expect(table.Locator("td[data-instance]")).ToHaveCountAsync(0);
        await page.Locator("[data-filter='TermijnAnders']").ClickAsync();
        await Expect(table.Locator("td[data-instance]")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("preview-csv")).ToHaveAttributeAsync("href", new Regex("^data:text/csv;charset=utf-8;base64,"));

        await page.GetByTestId("migration-reason").FillAsync("De taak heet nu anders en telt tien werkdagen");
        await page.GetByTestId("migration-start").ClickAsync();
        var run = page.GetByTestId("migration-run");
        await Expect(run).ToHaveAttributeAsync("data-status", "Finished");
        await Expect(run.GetByTestId("run-counts")).ToHaveAttributeAsync("data-moved", "3");
        await Expect(page.Locator("[data-source-version='1']")).ToContainTextAsync("0 lopende trajecten");
        await Expect(page.Locator("[data-testid='migration-runs'] tr[data-run]")).ToHaveCountAsync(1);

        foreach (var id in instances)
        {
            Assert.Equal(2, (await store.FindInstanceAsync(id))!.DefinitionVersion);
            Assert.Equal("beoordelen-gezin", (await store.GetBookmarksAsync(id)).Single().ActivityId);
        }
    }

    private static async Task ImportAsync(IPage page, string json)
    {
        var response = await page.Context.APIRequest.PostAsync("/api/flows/import", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
            DataString = json,
        });
        Assert.Equal(201, response.Status);
    }

    // A MudSelect opens a list in a popover at the end of the page; the option is picked there.
    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }
}
