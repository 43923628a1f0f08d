using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ProcessEngine.HostStore.Audit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static ProcessEngine.Browser.Tests.WerkPages;

namespace ProcessEngine.Browser.Tests;

/// <summary>The work screens on a tablet held upright (everything fits the width), and what one visit costs in audited reads.</summary>
public sealed class WorkLayoutTests(BrowserWorld world, ITestOutputHelper output) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task WorkScreens_FitATabletsWidth()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de veiligheid thuis; het gezin wil hulp.");
        var chair = await world.SignedInAsync("voorzitter");
        await prof.SetViewportSizeAsync(768, 1024);
        await chair.SetViewportSizeAsync(768, 1024);

        foreach (var (page, path, name) in new[]
        {
            (prof, "/inbox", "inbox"), (prof, "/aanmelding", "aanmelding"), (prof, $"/casus/{code}", "casus"), (chair, "/rvt", "rvt-tafel"),
        })
        {
            await page.GotoAsync(path);
            await InteractiveAsync(page);
            var (content, viewport) = await Widths(page);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserWorld.ArtifactsDirectory, $"werk-tablet-{name}.png"), FullPage = true });
            output.WriteLine($"{path}: content {content}px in a {viewport}px viewport");
            Assert.True(content <= viewport, $"{path} is {content}px wide on a {viewport}px tablet screen.");
        }
        await Expect(chair.Locator($"[data-list='triage'] tr[data-casus='{code}']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task CasusPage_ReadsTheCasusOnce_ThoughItIsRenderedOnTheServerAndThenGoesLive()
    {
        var prof = await world.SignedInAsync("prof1");
        var code = await RegisterIntakeAsync(prof, "Zorgen over de veiligheid thuis; het gezin wil hulp.");
        var chair = await world.SignedInAsync("voorzitter");

        await chair.GotoAsync($"/casus/{code}");
        await InteractiveAsync(chair);
        await Expect(chair.GetByTestId("tijdlijn")).ToContainTextAsync("Aangemeld bij het RVT");

        // The prerendered page hands its data to the live page, so one visit is one audited read of each part.
        // (A list the layout showed that named this casus among others, an inbox say, is a line of its own: CasusCodes, not CasusCode.)
        var lines = (await world.Host.Services.GetRequiredService<AuditLog>().SearchAsync(new AuditQuery(CasusCode: code, UserId: "voorzitter")))
            .Where(l => l.CasusCodes is null);
        Assert.Equal(["casus.read", "casus.timeline", "tafelvraag.list", "veiligheidskaart.history"], lines.Select(l => l.EventCode).Order());
    }

    private static async Task<(int Content, int Viewport)> Widths(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0], widths[1]);
    }
}
