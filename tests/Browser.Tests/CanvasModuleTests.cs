using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The canvas bundle on its own, in Chromium, as the host serves it: what Blazor calls (load, auto-layout,
/// highlight, dispose) does what the studio relies on. X6 renders asynchronously, so the DOM is checked
/// with Playwright's waiting assertions, never right after a call.
/// </summary>
public sealed class CanvasModuleTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    private const string Highlighted = "#1b873f";
    private const string Dimmed = "#c4ccd4";

    private const string CreateAndLoad = """
        async () => {
          const { create } = await import('/studio/flow-canvas.js');
          const element = document.createElement('div');
          element.id = 'probe';
          element.style.width = '900px';
          element.style.height = '600px';
          document.body.appendChild(element);
          window.probe = create(element);
          window.probe.load({
            activities: [
              { id: 'start', label: 'Begin', type: 'SetVariable', outcomes: ['Done'] },
              { id: 'keuze', label: 'Welke kant?', type: 'Decision', outcomes: ['Links', 'Rechts'] },
              { id: 'links', label: 'Links', type: 'End', outcomes: [] },
              { id: 'rechts', label: 'Rechts', type: 'End', outcomes: [] },
            ],
            connections: [
              { id: 'start:Done->keuze', source: 'start', outcome: 'Done', target: 'keuze' },
              { id: 'keuze:Links->links', source: 'keuze', outcome: 'Links', target: 'links' },
              { id: 'keuze:Rechts->rechts', source: 'keuze', outcome: 'Rechts', target: 'rechts' },
            ],
          });
          return JSON.stringify(window.probe.autoLayout());
        }
        """;

    [Fact]
    public async Task TheBundle_LaysOutTopDown_HighlightsThePathTaken_AndCleansUp()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync("/aanmelden");

        using var positions = JsonDocument.Parse(await page.EvaluateAsync<string>(CreateAndLoad));
        double Y(string id) => positions.RootElement.GetProperty(id).GetProperty("y").GetDouble();
        double X(string id) => positions.RootElement.GetProperty(id).GetProperty("x").GetDouble();
        Assert.True(Y("start") < Y("keuze") && Y("keuze") < Y("links"), "ranks run from top to bottom");
        Assert.Equal(Y("links"), Y("rechts"));
        Assert.NotEqual(X("links"), X("rechts"));

        var probe = page.Locator("#probe");
        await Expect(probe).ToHaveAttributeAsync("data-node-count", "4");
        await Expect(probe.Locator("g.x6-node")).ToHaveCountAsync(4);
        await Expect(probe.Locator("[data-cell-id='keuze'] [port='out:Links']")).ToHaveCountAsync(1);

        await page.EvaluateAsync("() => window.probe.highlightPath({ visited: ['start', 'keuze', 'links'], taken: ['start:Done->keuze', 'keuze:Links->links'] })");
        await Expect(Body(probe, "links")).ToHaveAttributeAsync("stroke", Highlighted);
        await Expect(Body(probe, "rechts")).ToHaveAttributeAsync("stroke", Dimmed);
        await Expect(Line(probe, "keuze:Links->links")).ToHaveAttributeAsync("stroke", Highlighted);
        await Expect(Line(probe, "keuze:Rechts->rechts")).ToHaveAttributeAsync("stroke", Dimmed);

        await page.EvaluateAsync("() => window.probe.dispose()");
        await Expect(probe.Locator("svg")).ToHaveCountAsync(0);
        await Expect(probe).Not.ToHaveAttributeAsync("data-node-count", "4");
    }

    [Fact]
    public async Task StoredPositionsThatOverlapAtTheNodeSize_AreLaidOutAgain_OthersAreKept()
    {
        var page = await world.NewPageAsync();
        await page.GotoAsync("/aanmelden");

        var laidOut = await page.EvaluateAsync<bool[]>("""
            async () => {
              const { create } = await import('/studio/flow-canvas.js');
              const load = (activities) => {
                const element = document.createElement('div');
                element.style.width = '600px';
                element.style.height = '400px';
                document.body.appendChild(element);
                const canvas = create(element);
                const result = canvas.load({ activities, connections: [{ id: 'a:Done->b', source: 'a', outcome: 'Done', target: 'b' }] });
                window.kept = canvas;
                return result;
              };
              const overlapping = load([
                { id: 'a', label: 'A', type: 'SetVariable', x: 0, y: 0, outcomes: ['Done'] },
                { id: 'b', label: 'B', type: 'End', x: 100, y: 40, outcomes: [] }]);
              const apart = load([
                { id: 'a', label: 'A', type: 'SetVariable', x: 0, y: 0, outcomes: ['Done'] },
                { id: 'b', label: 'B', type: 'End', x: 0, y: 200, outcomes: [] }]);
              return [overlapping, apart];
            }
            """);

        Assert.Equal([true, false], laidOut);
        Assert.Equal(200, await page.EvaluateAsync<double>("() => window.kept.graph.getCellById('b').position().y"));
    }

    private static ILocator Body(ILocator canvas, string id) => canvas.Locator($"[data-cell-id='{id}'] > rect");

    // An X6 edge is a transparent wide path (for the mouse) and the visible line.
    private static ILocator Line(ILocator canvas, string id) => canvas.Locator($"[data-cell-id='{id}'] > path:not([stroke='transparent'])");
}
