using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.DesignerLocators;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The scenario in Chromium: a coordinator adds a task to the shipped RVT flow on the canvas, connects
/// it, fills it in while the engine's errors come and go on the node, publishes, and then follows an instance.
/// </summary>
public sealed class StudioDesignerTests(BrowserWorld world, ITestOutputHelper output) : IClassFixture<BrowserWorld>
{
    private const string Problem = "#d32f2f";
    private const string Visited = "#1b873f";
    private const string Waiting = "#1565c0";

    private static readonly object Intake = new
    {
        organisatie = "CJG", hulpvraag = "Zorgen om de veiligheid thuis; het gezin vraagt zelf om hulp.",
        huishouden = "GezinMetKinderen", onveiligheid = "Structureel", gezinWeetVanAanmelding = true,
    };

    [Fact]
    public async Task Coordinator_AddsAConnectedTask_SeesTheErrorComeAndGo_Publishes_AndFollowsARunningInstance()
    {
        // A traject brought in before the change: its instance runs on version 1 and waits in the aanmelding subflow.
        var instanceId = await StartTrajectAsync();
        var flow = ShippedFlow.Read("rvt-traject");
        var page = await world.SignedInAsync("coordinator");
        await page.SetViewportSizeAsync(1600, 1000);
        await page.GotoAsync("/studio/flows/rvt-traject");
        var canvas = page.GetByTestId("flow-canvas");
        await Expect(canvas.Locator("g.x6-node")).ToHaveCountAsync(flow.ActivityIds.Count);
        // The shipped positions overlap at this node size, so the canvas laid the flow out; that alone is no edit.
        await Expect(page.GetByTestId("designer-laid-out")).ToBeVisibleAsync();
        await canvas.Locator("[data-cell-id='telling-aanmelding'] text").First.ClickAsync();
        await Expect(page.GetByTestId("property-panel")).ToHaveAttributeAsync("data-activity", "telling-aanmelding");
        await Expect(page.GetByTestId("designer-state")).ToHaveTextAsync("opgeslagen");
        await Expect(page.GetByTestId("designer-save")).ToBeDisabledAsync();
        await AssertReadableAndRoomyAsync(page, canvas);

        // From the toolbox (searched, then dragged) onto the canvas: a new task, at once marked by the engine (no title yet).
        await page.GetByTestId("toolbox-search").FillAsync("taak");
        var item = page.Locator(".pe-toolbox-item[data-activity-type='HumanTask']");
        await Expect(page.Locator(".pe-toolbox-item[data-activity-type='Delay']")).ToHaveCountAsync(0);
        await DragAsync(page, item, await PointInCanvasAsync(canvas, 0.12f, 0.1f));
        var task = canvas.Locator("g.x6-node[data-cell-id='humantask-1']");
        await Expect(task).ToHaveCountAsync(1);
        await Expect(Body(task)).ToHaveAttributeAsync("stroke", Problem);
        await Expect(page.GetByTestId("flow-errors")).ToContainTextAsync("required input 'title' of 'HumanTask' is missing");

        // Connected from the first step's outcome to the task's input.
        await DragAsync(page, canvas.Locator("[data-cell-id='telling-aanmelding'] [port='out:Done']"), await CentreAsync(task.Locator("[port='in']")));
        await Expect(canvas.Locator("g.x6-edge")).ToHaveCountAsync(flow.ConnectionCount + 1);

        // Filled in through the property panel; the error leaves the node and the list.
        await task.Locator("text").First.ClickAsync();
        await Expect(page.GetByTestId("property-panel")).ToHaveAttributeAsync("data-activity", "humantask-1");
        await TextInput(page, "title").FillAsync("Terugkoppeling aan de inbrenger");
        await TextInput(page, "candidateGroup").FillAsync("RvtChair");
        await TextInput(page, "due").FillAsync("5 werkdagen");
        await Expect(Body(task)).Not.ToHaveAttributeAsync("stroke", Problem);
        await Expect(page.GetByTestId("flow-valid")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("flow-errors")).ToHaveCountAsync(0);
        var screenshot = Path.Combine(BrowserWorld.ArtifactsDirectory, "studio-designer.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the designer: {screenshot}");

        // Offering it for publication saves the draft first; whoever offered it cannot approve it (four eyes).
        await page.GetByTestId("flow-publish").ClickAsync();
        await Expect(page.GetByTestId("publication-pending")).ToContainTextAsync("Aangeboden door coordinator op");
        await Expect(page.GetByTestId("publication-approve")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("publication-own")).ToContainTextAsync("een andere coördinator of beheerder moet het goedkeuren");
        await Expect(page.GetByTestId("flow-status")).ToContainTextAsync("versie 2 · concept");

        // A second coordinator sees it waiting in the list and approves it; the history shows the new live version.
        var second = await world.SignedInAsync(FlowPublishing.Approver);
        await second.SetViewportSizeAsync(1600, 1000);
        await second.GotoAsync("/studio/flows");
        await Expect(second.Locator("tr", new() { Has = second.Locator("[data-flow-link='rvt-traject']") }).GetByTestId("flow-awaiting-approval")).ToBeVisibleAsync();
        await second.GotoAsync("/studio/flows/rvt-traject");
        await Expect(second.GetByTestId("publication-approve")).ToBeEnabledAsync();
        await second.GetByTestId("publication-approve").ClickAsync();
        await Expect(second.GetByTestId("flow-status")).ToContainTextAsync("versie 2 · live");
        await Expect(second.Locator("[data-testid='flow-versions'] tr[data-version='2']")).ToContainTextAsync("live");
        await Expect(second.GetByTestId("publication-request")).ToHaveCountAsync(0);
        await AssertPublishedAsync(page);

        // The running instance: its version, the path it took, what it waits on, its journal.
        var link = page.Locator($"[data-instance-link='{instanceId}']");
        await Expect(link).ToBeVisibleAsync();
        await link.ClickAsync();
        await Expect(page.GetByTestId("instance-version")).ToHaveTextAsync("versie 1");
        var path = page.GetByTestId("flow-canvas");
        await Expect(Body(path.Locator("[data-cell-id='telling-aanmelding']"))).ToHaveAttributeAsync("stroke", Visited);
        await Expect(Body(path.Locator("[data-cell-id='aanmelding']"))).ToHaveAttributeAsync("stroke", Waiting);
        await Expect(path.Locator("[data-cell-id='humantask-1']")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("instance-waiting")).ToContainTextAsync("Aanmelding, triage en advies");
        await Expect(page.GetByTestId("instance-journal")).ToContainTextAsync("Telling: aanmelding");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserWorld.ArtifactsDirectory, "studio-instance.png"), FullPage = true });
        // Toolbox, canvas, panel, publishing and the instance viewer all work under the host's content policy.
        Assert.Empty(world.PolicyViolations);
    }

    [Fact]
    public async Task Coordinator_CopiesPastesDeletesUndoes_IsAskedBeforeLeaving_SavesTheDraft_AndSeesTheComparisonOnTheCanvas()
    {
        var page = await world.SignedInAsync("coordinator");
        await page.SetViewportSizeAsync(1600, 1000);
        await FlowPublishing.ImportPublishedAsync(page, """
                { "id": "browser-design-flow", "name": "Browser-ontwerp",
                  "activities": [
                    { "id": "beoordelen", "type": "HumanTask", "inputs": { "title": "Beoordelen", "candidateGroup": "RvtChair" }, "position": { "x": 0, "y": 0 } },
                    { "id": "klaar", "type": "End", "position": { "x": 0, "y": 200 } } ],
                  "connections": [ { "source": "beoordelen", "outcome": "Afgerond", "target": "klaar" } ] }
                """);
        await page.GotoAsync("/studio/flows/browser-design-flow");
        var canvas = page.GetByTestId("flow-canvas");
        var nodes = canvas.Locator("g.x6-node");
        await Expect(nodes).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("designer-save")).ToBeDisabledAsync(); // nothing to save yet

        // Copy and paste: a new activity under a readable id, with the inputs of the one it copies.
        await canvas.Locator("[data-cell-id='beoordelen'] text").First.ClickAsync();
        await Expect(page.GetByTestId("property-panel")).ToHaveAttributeAsync("data-activity", "beoordelen");
        await page.Keyboard.PressAsync("Control+c");
        await page.Keyboard.PressAsync("Control+v");
        await Expect(nodes).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("property-panel")).ToHaveAttributeAsync("data-activity", "humantask-1");
        await Expect(TextInput(page, "title")).ToHaveValueAsync("Beoordelen");

        // Delete by keyboard, undo and redo by keyboard and toolbar; what comes back has its inputs again.
        await page.Keyboard.PressAsync("Delete");
        await Expect(nodes).ToHaveCountAsync(2);
        await page.Keyboard.PressAsync("Control+z");
        await Expect(nodes).ToHaveCountAsync(3);
        await page.Keyboard.PressAsync("Control+y");
        await Expect(nodes).ToHaveCountAsync(2);
        await page.GetByTestId("designer-undo").ClickAsync();
        await Expect(nodes).ToHaveCountAsync(3);
        await canvas.Locator("[data-cell-id='humantask-1'] text").First.ClickAsync();
        await Expect(TextInput(page, "title")).ToHaveValueAsync("Beoordelen");

        // A property edit is a step in the same history: the name on the diagram, typed, is undone and redone as one step,
        // by the toolbar and by the keyboard on the canvas.
        var pasted = canvas.Locator("g.x6-node[data-cell-id='humantask-1']");
        await DisplayNameInput(page).FillAsync("Tweede beoordeling");
        await Expect(pasted).ToContainTextAsync("Tweede beoordeling");
        await page.GetByTestId("designer-undo").ClickAsync();
        await Expect(pasted).Not.ToContainTextAsync("Tweede beoordeling");
        await Expect(DisplayNameInput(page)).ToHaveValueAsync("");
        await Expect(nodes).ToHaveCountAsync(3);
        await canvas.FocusAsync();
        await page.Keyboard.PressAsync("Control+y");
        await Expect(pasted).ToContainTextAsync("Tweede beoordeling");
        await Expect(DisplayNameInput(page)).ToHaveValueAsync("Tweede beoordeling");

        // Leaving with unsaved edits asks first; declining keeps the page and its edits.
        var asked = new TaskCompletionSource<string>();
        void Decline(object? sender, IDialog dialog)
        {
            asked.TrySetResult(dialog.Message);
            _ = dialog.DismissAsync();
        }
        page.Dialog += Decline;
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Flows" }).ClickAsync();
        Assert.Contains("nog niet zijn opgeslagen", await asked.Task.WaitAsync(TimeSpan.FromSeconds(45)));
        page.Dialog -= Decline;
        await Expect(page.GetByTestId("designer-state")).ToHaveTextAsync("niet opgeslagen");
        Assert.EndsWith("/studio/flows/browser-design-flow", page.Url, StringComparison.Ordinal);

        // Saved as the next draft; the comparison with version 1 marks the pasted task as added, on the canvas too.
        await page.GetByTestId("designer-save").ClickAsync();
        await Expect(page.GetByTestId("designer-state")).ToHaveTextAsync("opgeslagen");
        await Expect(page.GetByTestId("flow-status")).ToContainTextAsync("versie 2 · concept");
        await Expect(page.Locator("[data-testid='flow-versions'] tr[data-version='2']")).ToContainTextAsync("concept");
        await page.GetByTestId("compare-go").ClickAsync();
        await Expect(page.GetByTestId("comparison")).ToContainTextAsync("Toegevoegd: activiteit Tweede beoordeling (humantask-1) (HumanTask)");
        var compared = page.GetByTestId("comparison-canvas");
        await Expect(compared.Locator("g[data-cell-id='humantask-1']")).ToHaveAttributeAsync("data-comparison", "added");
        await Expect(compared.Locator("g[data-cell-id='beoordelen']")).ToHaveAttributeAsync("data-comparison", "same");
        await Expect(Body(compared.Locator("g[data-cell-id='humantask-1']"))).ToHaveAttributeAsync("stroke", Visited);
    }

    // Sixty activities do not fit readably in any window: the fit stops at a readable size with the first step in view, and
    // the canvas takes the window's height; full screen gives it the whole window, and Escape gives the page back.
    private async Task AssertReadableAndRoomyAsync(IPage page, ILocator canvas)
    {
        var label = await canvas.Locator("[data-cell-id='telling-aanmelding'] text").First.BoundingBoxAsync();
        Assert.True(label is { Height: >= 9 }, $"the first step's label is readable at fit (height {label?.Height})");
        var frame = await canvas.BoundingBoxAsync();
        Assert.True(frame is { Height: >= 700 }, $"the canvas fills the window's height (height {frame?.Height} of 1000)");

        await page.GetByTestId("designer-full-screen").ClickAsync();
        await Expect(page.GetByTestId("designer")).ToHaveAttributeAsync("data-full-screen", "true");
        await page.WaitForFunctionAsync("() => document.querySelector(\"[data-testid='flow-canvas']\").getBoundingClientRect().height > 820");
        var full = await canvas.BoundingBoxAsync();
        output.WriteLine($"Canvas {frame!.Width:0}x{frame.Height:0} on the page, {full!.Width:0}x{full.Height:0} full screen; label {label!.Height:0.0} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserWorld.ArtifactsDirectory, "studio-designer-full-screen.png") });
        await canvas.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("designer")).ToHaveAttributeAsync("data-full-screen", "false");
    }

    private async Task<Guid> StartTrajectAsync()
    {
        var professional = await world.SignedInAsync("prof1");
        var response = await professional.Context.APIRequest.PostAsync("/api/trajecten", new() { DataObject = Intake });
        Assert.Equal(201, response.Status);
        using var body = JsonDocument.Parse(await response.TextAsync());
        await professional.Context.CloseAsync();
        return body.RootElement.GetProperty("instanceId").GetGuid();
    }

    // The published file holds the task as designed, where it was put on the canvas, and its connection.
    private static async Task AssertPublishedAsync(IPage page)
    {
        var response = await page.Context.APIRequest.GetAsync("/api/flows/rvt-traject/export?version=2");
        using var file = JsonDocument.Parse(await response.TextAsync());
        var task = file.RootElement.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "humantask-1");
        Assert.Equal("HumanTask", task.GetProperty("type").GetString());
        Assert.Equal("Terugkoppeling aan de inbrenger", task.GetProperty("inputs").GetProperty("title").GetString());
        Assert.Equal("5 werkdagen", task.GetProperty("inputs").GetProperty("due").GetString());
        Assert.True(task.TryGetProperty("position", out _), "the canvas position is saved");
        Assert.Contains(file.RootElement.GetProperty("connections").EnumerateArray(), c =>
            c.GetProperty("source").GetString() == "telling-aanmelding" && c.GetProperty("target").GetString() == "humantask-1");
    }
}
