using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Optional sign-in through a municipality's own identity provider (OpenID Connect), switched on by
/// configuration (section "OpenIdConnect": Authority, ClientId, ClientSecret). The provider's user name
/// claim must match a ProcessEngine account, which holds the roles.
/// </summary>
public static class OpenIdConnectSetup
{
    public const string Scheme = "oidc";

    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("OpenIdConnect");
        if (string.IsNullOrWhiteSpace(section["Authority"])) return;
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, "Gemeentelijke inlog", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/signin-oidc";
            o.Scope.Add("profile");
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = section["UserNameClaim"] ?? "preferred_username";
        });
    }
}

/// <summary>
/// The browser side of the identity provider sign-in: /aanmelden/extern challenges the provider; its
/// answer comes back to /aanmelden/extern/terug, where the provider's user name must match an account.
/// That account (its roles, its lockout) decides; the provider only vouches for who it is.
/// </summary>
public static class OpenIdConnectSignIn
{
    public static void MapOpenIdConnectSignIn(this WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(app.Configuration["OpenIdConnect:Authority"])) return;
        app.MapGet("/aanmelden/extern", (string? returnUrl) => Results.Challenge(
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = $"/aanmelden/extern/terug?returnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}" },
            [OpenIdConnectSetup.Scheme])).AllowAnonymous();
        app.MapGet("/aanmelden/extern/terug", async (string? returnUrl, HttpContext http, SignInManager<ProcessEngine.Platform.Identity.AppUser> signIn,
            Auditing.Auditor audit) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var name = external.Principal?.Identity?.Name;
            var user = name is null ? null : await signIn.UserManager.FindByNameAsync(name);
            var address = http.Connection.RemoteIpAddress?.ToString();
            if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
            {
                await audit.RecordAsync(null, "auth.signin", ProcessEngine.Platform.Audit.AuditAction.Execute, ProcessEngine.Platform.Audit.AuditOutcome.Refused,
                    Auditing.Auditor.PurposeAccess, detail: "extern: geen (actief) account", userName: name, sourceAddress: address);
                return Results.Redirect("/geen-toegang");
            }
            await signIn.SignInAsync(user, isPersistent: false);
            await audit.RecordAsync(null, "auth.signin", ProcessEngine.Platform.Audit.AuditAction.Execute, ProcessEngine.Platform.Audit.AuditOutcome.Success,
                Auditing.Auditor.PurposeAccess, detail: "extern", userName: user.UserName, sourceAddress: address);
            return Results.LocalRedirect(LocalOrRoot(returnUrl));
        }).AllowAnonymous();
    }

    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
