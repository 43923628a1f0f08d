using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProcessEngine.Host.Tests.Security;

/// <summary>
/// Attack: learning how an installation is built without signing in — its health checks' findings (database, job
/// scheduler, missing migrations) and, outside Development, its API description.
/// </summary>
public sealed class InstallationDetailsTests
{
    private const string Admin = "regiobeheer", AdminPassword = "Een-lang-productiewachtwoord-1";

    [Fact]
    public async Task Health_TellsAnyoneOnlyWhetherItIsHealthy_AndAnAdminWhatEachCheckFound()
    {
        await using var host = new HostFactory();
        using var anonymous = host.CreateClient();
        using var admin = host.CreateClient();
        await SignInAsync(admin, "beheerder", Api.ApiHost.Password);

        using var open = JsonDocument.Parse(await anonymous.GetStringAsync("/health"));
        using var full = JsonDocument.Parse(await admin.GetStringAsync("/health"));

        Assert.Equal(["status"], open.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Healthy", open.RootElement.GetProperty("status").GetString());
        Assert.Equal("connected, schema up to date",
            full.RootElement.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task OutsideDevelopment_TheApiDescription_IsOnlyForThoseSignedIn()
    {
        await using var host = new HostFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string>
            {
                ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword,
                // About the API description, not the second factor (TwoFactorAttackTests): the admin signs in with a password.
                ["SignIn:TwoFactor:RequiredForRoles:0"] = "RvtChair",
            },
        };
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });
        // Outside Development the session cookie is Secure: it comes back over https only.
        using var signedIn = host.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        await SignInAsync(signedIn, Admin, AdminPassword);

        foreach (var path in new[] { "/openapi/v1.json", "/api-docs" })
        {
            var refused = await anonymous.GetAsync(path);
            // Sent to the sign-in page, as every page is for someone not signed in.
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith(Host.Security.AuthSetup.SignInPath, refused.Headers.Location!.AbsolutePath);
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(path)).StatusCode);
        }
    }

    [Theory]
    [InlineData("/aanmelden")]
    [InlineData("/api/auth/me")]
    [InlineData("/health")]
    public async Task EveryAnswer_RefusesFramingSniffingAndReferrers(string path)
    {
        await using var host = new HostFactory();
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(path);

        // Interactive pages carry Blazor's own frame-ancestors policy beside ours; a browser enforces both, and both say none.
        var policies = response.Headers.GetValues("Content-Security-Policy").ToList();
        Assert.Contains(policies, p => p.EndsWith("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'", StringComparison.Ordinal));
        Assert.All(policies, p => Assert.Contains("frame-ancestors 'none'", p));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_page_runs_only_the_hosts_own_scripts_and_its_import_map_by_this_answers_nonce()
    {
        await using var host = new HostFactory();
        using var anonymous = host.CreateClient(new() { AllowAutoRedirect = false });

        var first = await anonymous.GetAsync("/aanmelden");
        var second = await anonymous.GetAsync("/aanmelden");

        var policy = first.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal));
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "script-src 'self' 'nonce-([0-9A-F]{32})';").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains("default-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        Assert.DoesNotContain(nonce, second.Headers.GetValues("Content-Security-Policy").Single(p => p.Contains("script-src", StringComparison.Ordinal)));
        Assert.DoesNotContain(" onclick=\"", await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OutsideDevelopment_OverTls_TheBrowserIsToldToStayOnTls()
    {
        await using var host = new HostFactory
        {
            Environment = "Production",
            Settings = new Dictionary<string, string> { ["Accounts:AdminUserName"] = Admin, ["Accounts:AdminPassword"] = AdminPassword },
        };
        using var client = host.CreateClient(new() { BaseAddress = new Uri("https://processengine.example.nl"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/health");

        Assert.StartsWith("max-age=", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    private static async Task SignInAsync(HttpClient client, string userName, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password, useCookies = true });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
