using Microsoft.Playwright;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// One host and one Chromium for a test class. Each test gets its own browser context (own cookies), so
/// signing in as one person never leaks into another test.
/// </summary>
public sealed class BrowserWorld : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    // Chromium as this network needs it: no sandbox (root in CI), no GPU, and nothing that phones home.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserWorld() : this(new KestrelHost()) { }

    /// <summary>A world around a host another fixture configured (e.g. one on a clock the test moves); internal, as xUnit wants one public constructor.</summary>
    internal BrowserWorld(KestrelHost host) => Host = host;

    public KestrelHost Host { get; }
    public Uri BaseAddress { get; private set; } = null!;
    public static string Password => new AccountOptions().DemoPassword;

    /// <summary>
    /// What the browser refused under the host's content policy, on any page of this world (an inline script or handler, a
    /// script from elsewhere): each would be a part of the UI that silently stopped working. Checked at the end of every world.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> PolicyViolations { get; } = new();

    /// <summary>Screenshots and other files a person may want to look at after a run.</summary>
    public static string ArtifactsDirectory { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. The browser tests need Debian's chromium package: run `bash scripts/install-deps.sh` (as root) or `apt-get install chromium`.");
        BaseAddress = Host.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        // Launch (not a persistent context): Playwright gives the browser a fresh temporary profile and removes it afterwards.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A new tab in a new context, with the test's timeouts: auto-waiting, but not for ever.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "nl-NL" });
        // Generous: on a loaded 2-core machine the first interactive render (circuit start, MudBlazor's
        // drawer settling) can take many seconds, and a click waits for the element to be stable.
        context.SetDefaultTimeout(45_000);
        // The same patience for assertions (Playwright's own default is 5 s): a page's data, and the canvas, arrive only after the first render.
        Assertions.SetDefaultExpectTimeout(45_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal)) PolicyViolations.Enqueue($"{page.Url}: {message.Text}");
        };
        return page;
    }

    /// <summary>A new tab, signed in through the real sign-in page as <paramref name="userName"/>.</summary>
    public async Task<IPage> SignedInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/aanmelden");
        await page.Locator("#gebruikersnaam").FillAsync(userName);
        await page.Locator("#wachtwoord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/aanmelden", StringComparison.Ordinal));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Host.DisposeAsync();
        // Loud, after the tests of the class: a refusal anywhere fails the class, naming the page and what was refused.
        if (!PolicyViolations.IsEmpty)
            throw new InvalidOperationException("The browser refused under the content policy:\n" + string.Join("\n", PolicyViolations));
    }
}
