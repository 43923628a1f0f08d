using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>What a person does on the work screens, one step per method, so a scenario reads as a story.</summary>
public static partial class WerkPages
{
    /// <summary>A table date two weeks out: triage plans the bespreking for it.</summary>
    public static string TafelDatum { get; } = DateTime.Today.AddDays(14).ToString("yyyy-MM-dd");

    /// <summary>Waits until the page's circuit is up: before that, typing and clicking reach only the prerendered copy.</summary>
    public static Task InteractiveAsync(IPage page) => Expect(page.Locator("[data-interactive='true']").First).ToBeVisibleAsync();

    /// <summary>An aanmelding; when the family does not know of it yet, the inbrenger's first task is to talk with them.</summary>
    public static async Task<string> RegisterIntakeAsync(IPage page, string hulpvraag, bool familyKnows = true)
    {
        await page.GotoAsync("/aanmelding");
        await InteractiveAsync(page);
        await page.Locator("#veld-organisatie").FillAsync("CJG");
        await page.Locator("#veld-hulpvraag").FillAsync(hulpvraag);
        await page.GetByText("Gezin met kinderen", new() { Exact = true }).ClickAsync();
        await page.GetByText("Structureel", new() { Exact = true }).ClickAsync();
        if (familyKnows) await page.GetByText("Het gezin weet van deze aanmelding").ClickAsync();
        await page.Locator("[data-action='aanmelden']").ClickAsync();
        await page.WaitForURLAsync(CasusAddress());
        return CasusAddress().Match(page.Url).Groups[1].Value;
    }

    /// <summary>Opens a task from a list on the current page by its casus and title.</summary>
    public static async Task OpenTaskAsync(IPage page, string list, string casus, string title)
    {
        var row = page.Locator($"[data-list='{list}'] tr[data-casus='{casus}']").Filter(new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await page.GotoAsync((await row.GetByRole(AriaRole.Link, new() { Name = title }).GetAttributeAsync("href"))!);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await InteractiveAsync(page);
    }

    public static async Task CompleteAsync(IPage page, string outcome)
    {
        await page.Locator($"[data-outcome='{outcome}']").ClickAsync();
        await Expect(page.GetByTestId("task-done")).ToContainTextAsync(outcome);
    }

    [GeneratedRegex(@"/casus/([^/?]+)\?aangemeld=1$")]
    public static partial Regex CasusAddress();
}
