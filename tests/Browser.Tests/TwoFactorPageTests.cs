using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// A professional turns on the second factor on its page (key, code, recovery codes shown once) and from then on signs
/// in with password and code; a wrong code keeps the door shut; new recovery codes replace the old. The codes are computed from the key on the page as an
/// authenticator app does.
/// </summary>
public sealed class TwoFactorPageTests(BrowserWorld world) : IClassFixture<BrowserWorld>
{
    [Fact]
    public async Task TurnedOnOnItsPage_TheNextSignIn_AsksForTheCode()
    {
        var page = await world.SignedInAsync("prof1");
        await page.GotoAsync("/account/tweestapsverificatie");
        var key = await page.GetByTestId("shared-key").InnerTextAsync();
        await page.Locator("#code").FillAsync(CodeFor(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanzetten" }).ClickAsync();

        await Expect(page.GetByTestId("twofactor-on")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByTestId("continue").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account", StringComparison.Ordinal) && !url.Contains("/aanmelden", StringComparison.Ordinal));

        var again = await world.NewPageAsync();
        await again.GotoAsync("/aanmelden");
        await again.Locator("#gebruikersnaam").FillAsync("prof1");
        await again.Locator("#wachtwoord").FillAsync(BrowserWorld.Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await again.WaitForURLAsync(url => url.Contains("/aanmelden/code", StringComparison.Ordinal));

        await again.Locator("#code").FillAsync("000000");
        await again.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await Expect(again.GetByTestId("signin-error")).ToContainTextAsync("klopt niet");

        // The code that turned it on was used: the app's next one signs in.
        await again.Locator("#code").FillAsync(CodeFor(key, stepsAhead: 1));
        await again.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await again.WaitForURLAsync(url => !url.Contains("/aanmelden", StringComparison.Ordinal));
        await Expect(again.GetByTestId("twofactor-link")).ToBeVisibleAsync();

        // Recovery codes running out: new ones, with the current code; the page now says it is on.
        await again.GotoAsync("/account/tweestapsverificatie");
        await Expect(again.GetByTestId("twofactor-on")).ToContainTextAsync("Herstelcodes over: 10");
        await again.Locator("#code-herstel").FillAsync(CodeFor(key, stepsAhead: 2));
        await again.GetByRole(AriaRole.Button, new() { Name = "Nieuwe herstelcodes maken" }).ClickAsync();
        await Expect(again.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
    }

    private static string CodeFor(string sharedKey, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(sharedKey.Replace(" ", "").ToUpperInvariant())).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
}
