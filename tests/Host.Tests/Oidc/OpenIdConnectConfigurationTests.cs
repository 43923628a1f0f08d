using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using ProcessEngine.Host.Security;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Host.Tests.Ui;

namespace ProcessEngine.Host.Tests.Oidc;

/// <summary>The identity provider sign-in exists only when configured, and a half configuration stops the start.</summary>
public sealed class OpenIdConnectConfigurationTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("/aanmelden/extern")]
    [InlineData("/aanmelden/extern?returnUrl=%2Finbox")]
    [InlineData("/aanmelden/extern/terug")]
    [InlineData("/signin-oidc")]
    public async Task WithoutAnAuthority_TheSignInPathsDoNotExist(string path)
    {
        using var browser = new UiSession(host.Factory);

        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
    }

    [Fact]
    public async Task WithoutAnAuthority_TheHostStartsAsBefore_WithoutTheSchemeOrTheLink_AndPasswordsStillSignIn()
    {
        using var browser = new UiSession(host.Factory);

        Assert.Null(await host.Service<IAuthenticationSchemeProvider>().GetSchemeAsync(OpenIdConnectSetup.Scheme));
        var form = await browser.GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.DoesNotContain("Inloggen via gemeente", form.Text);
        Assert.DoesNotContain("/aanmelden/extern", form.Html);
        var signedIn = await browser.SignInAsync("prof1", ApiHost.Password);
        Assert.Equal(HttpStatusCode.Found, signedIn.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).Status);
    }

    [Theory]
    [InlineData(null, "OpenIdConnect:ClientId")]
    [InlineData("processengine", "must use HTTPS")]
    public async Task AHalfOrUnsafeConfiguration_StopsTheStart(string? clientId, string message)
    {
        await using var factory = new HostFactory().WithWebHostBuilder(b =>
        {
            b.UseSetting("OpenIdConnect:Authority", clientId is null ? FakeIdentityProvider.Issuer : "http://idp.gemeente.test");
            if (clientId is not null) b.UseSetting("OpenIdConnect:ClientId", clientId);
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains(message, error.ToString());
    }
}
