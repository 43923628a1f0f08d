using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>The studio in Chromium: who gets in, the flow list, and the X6 canvas drawing a shipped flow.</summary>
public sealed partial class StudioTests(BrowserWorld world, ITestOutputHelper output) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task Coordinator_OpensTheShippedTrajectFlow_AndTheCanvasDrawsEveryActivityAndConnection()
    {
        var flow = ShippedFlow.Read("rvt-traject");
        var page = await world.SignedInAsync("coordinator");

        await page.GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StudioListAddress());
        await page.Locator("[data-flow-link='rvt-traject']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/studio/flows/rvt-traject$"));

        var canvas = page.GetByTestId("flow-canvas");
        await Expect(canvas.Locator("g.x6-node")).ToHaveCountAsync(flow.ActivityIds.Count);
        await Expect(canvas.Locator("g.x6-edge")).ToHaveCountAsync(flow.ConnectionCount);
        foreach (var id in flow.ActivityIds) await Expect(canvas.Locator($"g.x6-node[data-cell-id='{id}']")).ToHaveCountAsync(1);
        await Expect(canvas.Locator("[data-cell-id='aanmelding']")).ToContainTextAsync("Aanmelding, triage en advies");
        await Expect(canvas.Locator("[data-cell-id='aanmelding']")).ToContainTextAsync("RunSubflow");
        // The Fork's ports are its branches, named after them: connections leave from the outcome they follow.
        await Expect(canvas.Locator("[data-cell-id='traject-en-stopknop'] [port='out:Traject']")).ToHaveCountAsync(1);
        await Expect(canvas.Locator("[data-cell-id='traject-en-stopknop'] [port='out:Stopknop']")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("flow-versions")).ToContainTextAsync("versie 1");

        var screenshot = Path.Combine(BrowserWorld.ArtifactsDirectory, "studio-rvt-traject.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the flow page: {screenshot}");
    }

    [Fact]
    public async Task Coordinator_ExportsTheFlow_AsTheSameJsonTheApiGives()
    {
        var page = await world.SignedInAsync("coordinator");
        await page.GotoAsync("/studio/flows/rvt-traject");

        var href = await page.GetByTestId("flow-export").GetAttributeAsync("href");
        var response = await page.Context.APIRequest.GetAsync(href!);

        Assert.Equal(200, response.Status);
        using var exported = JsonDocument.Parse(await response.TextAsync());
        Assert.Equal("rvt-traject", exported.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Professional_SeesNoStudioLink_AndIsRefusedTheFlowPage()
    {
        var page = await world.SignedInAsync("prof1");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Inbox", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/studio/flows']")).ToHaveCountAsync(0);
        await page.GotoAsync("/studio/flows/rvt-traject");

        await Expect(page).ToHaveURLAsync(new Regex("/geen-toegang"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Geen toegang" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("flow-canvas")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ALinkClickedBeforeTheCircuitIsUp_LoadsThatPage_InsteadOfPatchingItIntoTheStartingCircuit()
    {
        var page = await world.SignedInAsync("coordinator");
        // Hold the circuit back until the click: the start page is then only its prerendered HTML.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor/negotiate**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        var load = page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.EndsWith("/studio/flows", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Flows", Exact = true }).ClickAsync();
        await load; // a document load of its own (enhanced navigation would have fetched it into the old page)
        release.SetResult();

        await Expect(page).ToHaveURLAsync(StudioListAddress());
        await Expect(page.GetByTestId("flow-import")).ToBeEnabledAsync(); // the circuit is up, for this page
        await Expect(page.Locator("[data-flow-link='rvt-traject']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Flows", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task LeavingTheDesignerWhileItsCanvasStillLoads_KeepsTheCircuitWorking()
    {
        var page = await world.SignedInAsync("coordinator");
        // Hold the canvas module back, so the designer is still starting when the coordinator moves on.
        var requested = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/studio/flow-canvas*.js", async route =>
        {
            requested.TrySetResult();
            await release.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/studio/flows/rvt-aanmelding");
        await requested.Task.WaitAsync(TimeSpan.FromSeconds(45)); // the circuit is up and the designer asked for its canvas

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "Flows" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(StudioListAddress());
        var loaded = page.WaitForResponseAsync(r => r.Url.Contains("/studio/flow-canvas", StringComparison.Ordinal));
        release.SetResult();
        await loaded;

        // The page moved to works in the same circuit: an import goes to the server and comes back
        // (the late start of the left designer once ended the circuit, leaving this page dead).
        await page.GetByTestId("flow-import").SetInputFilesAsync(new FilePayload
        {
            Name = "flow.json", MimeType = "application/json",
            Buffer = System.Text.Encoding.UTF8.GetBytes("""{ "id": "na-het-ontwerp", "name": "Na het ontwerp", "activities": [ { "id": "klaar", "type": "End" } ] }"""),
        });
        await Expect(page.GetByTestId("flow-imported")).ToContainTextAsync("Na het ontwerp is geïmporteerd als concept (versie 1)");
    }

    [GeneratedRegex("/studio/flows$")]
    private static partial Regex StudioListAddress();
}
