using System.Net;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>
/// Signing in through the municipality's identity provider, end to end through the real host: the challenge,
/// the provider's answer posted back to /signin-oidc with the challenge's cookies, the token redeemed over the
/// backchannel, the id_token validated, and the account with the same user name deciding.
/// </summary>
public sealed class OpenIdConnectSignInTests(OidcHost host) : IClassFixture<OidcHost>
{
    private const string Callback = "/signin-oidc";

    [Fact]
    public async Task Challenge_SendsTheBrowserToTheProvider_WithStateNonceAndPkce_AndSetsTheCorrelationAndNonceCookies()
    {
        using var browser = host.Browser();

        var challenge = await browser.StartAsync("/inbox");

        Assert.Equal(FakeIdentityProvider.AuthorizeEndpoint.GetLeftPart(UriPartial.Path), challenge.AuthorizeUrl.GetLeftPart(UriPartial.Path));
        var p = challenge.Parameters;
        Assert.Equal((FakeIdentityProvider.ClientId, "https://localhost/signin-oidc", "code", "form_post", "S256"),
            (p["client_id"], p["redirect_uri"], p["response_type"], p["response_mode"], p["code_challenge_method"]));
        Assert.Equal("openid profile", p["scope"]);
        Assert.True(p["state"].Length > 20 && p["nonce"].Length > 20 && p["code_challenge"].Length == 43);
        var correlation = Assert.Single(challenge.SetCookies, c => c.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        var nonce = Assert.Single(challenge.SetCookies, c => c.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        foreach (var cookie in new[] { correlation, nonce })
        {
            Assert.Contains("path=/signin-oidc", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        }
        // The authorize endpoint came from the provider's discovery document, fetched over the backchannel.
        Assert.Contains("GET /.well-known/openid-configuration", host.Provider.BackchannelRequests);
    }

    [Fact]
    public async Task ProviderUser_WithAnAccount_IsSignedInWithTheApplicationCookie_LandsOnTheReturnUrl_AndIsAudited()
    {
        using var browser = host.Browser();

        var steps = await browser.SignInAsync(host.Provider, "prof1", returnUrl: "/inbox");

        Assert.Equal(["/signin-oidc", "/aanmelden/extern/terug?returnUrl=%2Finbox", "/inbox"], steps.Select(s => s.PathAndQuery));
        Assert.Equal("prof1", host.Provider.TokensIssued.Last());
        Assert.Equal(HttpStatusCode.Found, steps[0].Page.Status);
        // Back from the provider: the account is signed in with the application cookie (SameSite=Strict), the
        // provider's short-lived external cookie is gone, and a page of our own moves on to the return URL.
        var back = steps[1];
        Assert.Equal(HttpStatusCode.OK, back.Page.Status);
        Assert.Contains("U bent aangemeld.", back.Page.Text);
        Assert.Equal("/inbox", OidcBrowser.MetaRefresh(back.Page));
        var signInCookie = Assert.Single(back.SetCookies, c => c.StartsWith("ProcessEngine.Auth=", StringComparison.Ordinal));
        Assert.Contains("samesite=strict", signInCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(back.SetCookies, c => c.StartsWith(".AspNetCore.Identity.External=;", StringComparison.Ordinal) && c.Contains("expires=Thu, 01 Jan 1970"));
        var inbox = steps[2].Page;
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Contains("Professional CJG (demo)", inbox.Text);

        var me = await browser.Client.GetAsync("/api/auth/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.ReadJsonAsync();
        Assert.Equal("prof1", body.GetProperty("userName").GetString());
        Assert.Equal(["Professional"], body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "prof1", EventCode: "auth.signin")));
        Assert.Equal((AuditOutcome.Success, "extern", Auditor.PurposeAccess, AuditAction.Execute), (line.Outcome, line.Detail, line.Purpose, line.Action));
    }

    [Fact]
    public async Task ProviderUser_WithoutAnAccount_IsSentToGeenToegang_IsNotSignedIn_AndTheRefusalIsAudited()
    {
        using var browser = host.Browser();

        var steps = await browser.SignInAsync(host.Provider, "j.jansen");

        // The provider vouched for j.jansen (a valid token was issued and accepted), but no account has that name.
        Assert.Equal("j.jansen", host.Provider.TokensIssued.Last());
        AssertRefusedToGeenToegang(steps);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "j.jansen", EventCode: "auth.signin")));
        Assert.Equal((AuditOutcome.Refused, "extern: geen (actief) account", Auditor.PurposeAccess), (line.Outcome, line.Detail, line.Purpose));
    }

    [Fact]
    public async Task ProviderUser_WhoseAccountIsLockedOut_IsRefusedTheSameWay()
    {
        await host.LockOutAsync("prof2");
        using var browser = host.Browser();

        var steps = await browser.SignInAsync(host.Provider, "prof2");

        Assert.Equal("prof2", host.Provider.TokensIssued.Last());
        AssertRefusedToGeenToegang(steps);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "prof2", EventCode: "auth.signin")));
        Assert.Equal((AuditOutcome.Refused, "extern: geen (actief) account"), (line.Outcome, line.Detail));
    }

    [Theory]
    [InlineData("https://elders.example/")]
    [InlineData("//elders.example/")]
    [InlineData("/\\elders.example/")]
    [InlineData("/inbox\r\nSet-Cookie: x=y")]
    public async Task ReturnUrl_ToAnotherHost_IsNotFollowed(string returnUrl)
    {
        using var browser = host.Browser();

        var steps = await browser.SignInAsync(host.Provider, "raad", returnUrl);

        // Every step stayed on this host (the browser checks each target) and the sign-in ended on the start page.
        Assert.Equal(["/signin-oidc", "/aanmelden/extern/terug?returnUrl=%2F", "/"], steps.Select(s => s.PathAndQuery));
        Assert.Equal("/", OidcBrowser.MetaRefresh(steps[1].Page));
        Assert.Equal(HttpStatusCode.OK, steps[2].Page.Status);
        Assert.Equal("raad", (await (await browser.Client.GetAsync("/api/auth/me")).ReadJsonAsync()).GetProperty("userName").GetString());
    }

    [Theory]
    [InlineData(IdTokenFault.WrongSignature, typeof(SecurityTokenInvalidSignatureException))]
    [InlineData(IdTokenFault.WrongNonce, typeof(OpenIdConnectProtocolInvalidNonceException))]
    [InlineData(IdTokenFault.WrongAudience, typeof(SecurityTokenInvalidAudienceException))]
    [InlineData(IdTokenFault.Expired, typeof(SecurityTokenExpiredException))]
    public async Task TamperedIdToken_SignsNobodyIn_AndEndsOnTheSignInPageWithAMessage(IdTokenFault fault, Type refusedWith)
    {
        using var browser = host.Browser();
        var failuresBefore = await ExternalFailuresAsync();

        var steps = await browser.SignInAsync(host.Provider, "coordinator", fault: fault);

        // The provider did issue the (spoiled) token: the host refused it on validating it, for that fault.
        Assert.Equal("coordinator", host.Provider.TokensIssued.Last());
        Assert.IsAssignableFrom(refusedWith, host.SignInFailures.Failures.Last());
        AssertFailedToSignInPage(steps);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Empty(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "coordinator", EventCode: "auth.signin")));
        Assert.Equal(failuresBefore + 1, await ExternalFailuresAsync());
    }

    [Fact]
    public async Task CancellingAtTheProvider_EndsOnTheSignInPageWithAMessage()
    {
        using var browser = host.Browser();
        var failuresBefore = await ExternalFailuresAsync();
        var challenge = await browser.StartAsync();

        var callback = await browser.ReturnAsync(host.Provider.Refuse(challenge.AuthorizeUrl));

        AssertFailedToSignInPage([callback, .. await browser.FollowAsync(callback)]);
        Assert.Contains("access_denied", host.SignInFailures.Failures.Last().Message);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(failuresBefore + 1, await ExternalFailuresAsync());
    }

    [Fact]
    public async Task TheProvidersAnswer_InABrowserWithoutTheChallengesCookies_SignsNobodyIn()
    {
        using var victim = host.Browser();
        using var other = host.Browser();
        var challenge = await victim.StartAsync();
        var answer = host.Provider.SignIn(challenge.AuthorizeUrl, "voorzitter");
        var tokensBefore = host.Provider.TokensIssued.Count;

        var callback = await other.ReturnAsync(answer);

        AssertFailedToSignInPage([callback, .. await other.FollowAsync(callback)]);
        // Refused on the missing correlation cookie, before the code was redeemed.
        Assert.Equal("Correlation failed.", host.SignInFailures.Failures.Last().Message);
        Assert.Equal(tokensBefore, host.Provider.TokensIssued.Count);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Client.GetAsync("/api/auth/me")).StatusCode);
        Assert.Empty(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "voorzitter", EventCode: "auth.signin")));
    }

    [Fact]
    public async Task SignInPage_OffersInloggenViaGemeente_CarryingTheReturnUrl()
    {
        using var browser = host.Browser();

        var page = await Ui.Page.ReadAsync(await browser.Client.GetAsync("/aanmelden?ReturnUrl=%2Finbox"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Inloggen via gemeente", page.Text);
        Assert.Contains("href=\"/aanmelden/extern?returnUrl=%2Finbox\"", page.Html);
        // The password form is still there beside it.
        Assert.Contains("name=\"Form.Password\"", page.Html);
    }

    private static void AssertRefusedToGeenToegang(IReadOnlyList<OidcBrowser.Step> steps)
    {
        Assert.Equal(["/signin-oidc", "/aanmelden/extern/terug?returnUrl=%2F", "/geen-toegang?reden=geen-account"], steps.Select(s => s.PathAndQuery));
        Assert.DoesNotContain(steps, s => s.SetsSignInCookie);
        var page = steps[^1].Page;
        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.Contains("ProcessEngine heeft geen (actief) account met uw gebruikersnaam", page.Text);
    }

    private static void AssertFailedToSignInPage(IReadOnlyList<OidcBrowser.Step> steps)
    {
        Assert.Equal([Callback, "/aanmelden?extern=mislukt"], steps.Select(s => s.PathAndQuery));
        Assert.DoesNotContain(steps, s => s.SetsSignInCookie);
        var page = steps[^1].Page;
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Inloggen via de gemeente is niet gelukt.", page.Text);
    }

    private async Task<int> ExternalFailuresAsync() =>
        (await host.Service<AuditLog>().SearchAsync(new AuditQuery(EventCode: "auth.signin", Take: 500)))
        .Count(l => l.Outcome == AuditOutcome.Refused && l.Detail == "extern: mislukt");
}
