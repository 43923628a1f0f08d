using Microsoft.Playwright;

namespace ProcessEngine.Browser.Tests;

/// <summary>Where the designer's parts are on the page, and a drag as a person makes it: shared by the designer's browser tests.</summary>
internal static class DesignerLocators
{
    public static ILocator Body(ILocator node) => node.Locator("> rect");

    // MudBlazor puts the test id on the input itself or on its wrapper, depending on the version: either will do.
    public static ILocator DisplayNameInput(IPage page) =>
        page.Locator("[data-testid='property-panel'] input[data-testid='display-name'], [data-testid='property-panel'] [data-testid='display-name'] input");

    public static ILocator TextInput(IPage page, string input) =>
        page.Locator($"[data-testid='property-panel'] [data-input='{input}'] input:not([type='checkbox'])");

    public static async Task<(float X, float Y)> CentreAsync(ILocator element)
    {
        var box = (await element.BoundingBoxAsync())!;
        return (box.X + box.Width / 2, box.Y + box.Height / 2);
    }

    public static async Task<(float X, float Y)> PointInCanvasAsync(ILocator canvas, float x, float y)
    {
        var box = (await canvas.BoundingBoxAsync())!;
        return (box.X + box.Width * x, box.Y + box.Height * y);
    }

    // A drag as a person does it: press, move in steps (X6 starts dragging and snapping on mouse moves), release.
    public static async Task DragAsync(IPage page, ILocator from, (float X, float Y) to)
    {
        var (x, y) = await CentreAsync(from);
        await page.Mouse.MoveAsync(x, y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(x + 5, y + 5, new() { Steps = 2 });
        await page.Mouse.MoveAsync(to.X, to.Y, new() { Steps = 12 });
        await page.Mouse.UpAsync();
    }
}
