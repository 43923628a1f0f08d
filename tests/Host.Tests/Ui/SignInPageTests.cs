using System.Net;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Ui;

/// <summary>The sign-in page as a plain form (no JavaScript), sign-out, and where people are sent.</summary>
public sealed class SignInPageTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task StartPage_WhenNotSignedIn_RedirectsToTheSignInPage()
    {
        using var browser = new UiSession(host.Factory);

        var start = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Found, start.Status);
        Assert.Equal("/aanmelden?ReturnUrl=%2F", new Uri(new Uri("http://localhost"), start.Location).PathAndQuery);
    }

    [Fact]
    public async Task SignInPage_IsADutchFormWithAnAntiforgeryToken()
    {
        using var browser = new UiSession(host.Factory);

        var page = await browser.GetAsync("/aanmelden");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<html lang=\"nl\">", page.Html);
        Assert.Contains("<form method=\"post\"", page.Html);
        Assert.Contains("name=\"Form.UserName\"", page.Html);
        Assert.Contains("name=\"Form.Password\"", page.Html);
        Assert.Contains("Meld u aan met uw gebruikersnaam en wachtwoord.", page.Text);
        Assert.True(page.AntiforgeryToken().Length > 20);
    }

    [Fact]
    public async Task SignIn_WithAWrongPasswordOrName_ShowsTheFormAgainWithOneDutchMessage_AndAuditsTheRefusal()
    {
        using var browser = new UiSession(host.Factory);

        var wrongPassword = await browser.SignInAsync("rvtlid", "fout-wachtwoord");
        var unknownName = await browser.SignInAsync("bestaat-niet", "fout-wachtwoord");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wrongPassword.Status, unknownName.Status));
        Assert.Contains("Gebruikersnaam of wachtwoord onjuist.", wrongPassword.Text);
        Assert.Contains("Gebruikersnaam of wachtwoord onjuist.", unknownName.Text);
        Assert.Contains("value=\"rvtlid\"", wrongPassword.Html);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/")).Status);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "rvtlid", EventCode: "auth.signin")));
        Assert.Equal((AuditOutcome.Refused, "onjuist", Auditor.PurposeAccess), (line.Outcome, line.Detail, line.Purpose));
    }

    [Fact]
    public async Task SignIn_WithTheRightPassword_SetsTheCookie_RedirectsToTheReturnUrl_AndAuditsIt()
    {
        using var browser = new UiSession(host.Factory);

        var signedIn = await browser.SignInAsync("prof2", ApiHost.Password, returnUrl: "/inbox");

        Assert.Equal(HttpStatusCode.Found, signedIn.Status);
        Assert.Equal("/inbox", new Uri(new Uri("http://localhost"), signedIn.Location).PathAndQuery);
        var inbox = await browser.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.Status);
        Assert.Contains("Professional wijkteam (demo)", inbox.Text);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "prof2", EventCode: "auth.signin")));
        Assert.Equal((AuditOutcome.Success, "aanmeldpagina"), (line.Outcome, line.Detail));
    }

    [Theory]
    [InlineData("https://elders.example/")]
    [InlineData("//elders.example/")]
    [InlineData("/\\elders.example/")]
    public async Task SignIn_DoesNotFollowAReturnUrlToAnotherHost(string returnUrl)
    {
        using var browser = new UiSession(host.Factory);

        var signedIn = await browser.SignInAsync("raad", ApiHost.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Found, signedIn.Status);
        var target = new Uri(new Uri("http://localhost"), signedIn.Location);
        Assert.Equal(("localhost", "/"), (target.Host, target.PathAndQuery));
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var browser = new UiSession(host.Factory);
        await browser.GetAsync("/aanmelden");

        var posted = await browser.PostFormAsync("/aanmelden", new Dictionary<string, string>
        {
            ["_handler"] = "aanmelden", ["Form.UserName"] = "coordinator", ["Form.Password"] = ApiHost.Password,
        });

        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/")).Status);
    }

    [Fact]
    public async Task SignOut_NeedsTheFormsAntiforgeryToken_ThenEndsTheSignIn_AndAuditsIt()
    {
        using var browser = new UiSession(host.Factory);
        await browser.SignInAsync("manager", ApiHost.Password);
        var start = await browser.GetAsync("/");

        var forged = await browser.PostFormAsync("/afmelden", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);

        var signedOut = await browser.PostFormAsync("/afmelden", new Dictionary<string, string> { ["__RequestVerificationToken"] = start.AntiforgeryToken() });

        Assert.Equal(HttpStatusCode.Found, signedOut.Status);
        Assert.Equal("/aanmelden?afgemeld=true", signedOut.Location);
        Assert.Contains("U bent afgemeld.", (await browser.GetAsync(signedOut.Location!)).Text);
        Assert.Equal(HttpStatusCode.Found, (await browser.GetAsync("/")).Status);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(UserId: "manager", EventCode: "auth.signout")));
        Assert.Equal(AuditOutcome.Success, line.Outcome);
    }
}
