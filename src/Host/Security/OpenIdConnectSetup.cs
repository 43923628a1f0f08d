using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Components;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Optional sign-in through a municipality's own identity provider (OpenID Connect), switched on by
/// configuration (section "OpenIdConnect": Authority, ClientId, ClientSecret). The provider's user name
/// claim must match a ProcessEngine account, which holds the roles.
/// </summary>
public static class OpenIdConnectSetup
{
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>Where a sign-in the provider or the handler could not complete ends: the sign-in page with a Dutch message.</summary>
    public const string FailedPath = "/aanmelden?extern=mislukt";

    /// <summary>Whether the identity provider sign-in is switched on (an Authority is configured).</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OpenIdConnect:Authority"]);

    public static void AddIfConfigured(WebApplicationBuilder builder)
    {
        if (!IsConfigured(builder.Configuration)) return;
        var section = builder.Configuration.GetSection("OpenIdConnect");
        // Without a client id the handler would fail on every request; refuse to start instead.
        if (string.IsNullOrWhiteSpace(section["ClientId"]))
            throw new InvalidOperationException("OpenIdConnect:Authority is set but OpenIdConnect:ClientId is not: set both (or neither).");
        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, "Gemeentelijke inlog", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = CallbackPath;
            o.Scope.Add("profile");
            o.MapInboundClaims = false;
            o.TokenValidationParameters.NameClaimType = section["UserNameClaim"] ?? "preferred_username";
            o.Events = new OpenIdConnectEvents { OnRemoteFailure = RemoteFailureAsync };
        });
    }

    // The provider refused or cancelled, the answer did not validate (signature, nonce, audience, lifetime), or the
    // correlation cookie is missing: nobody is signed in. Audit it and show the sign-in page with a Dutch message
    // instead of an error page.
    private static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var http = context.HttpContext;
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSetup))
            .LogWarning(context.Failure, "Sign-in through the identity provider failed");
        await http.RequestServices.GetRequiredService<Auditor>().RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Refused,
            Auditor.PurposeAccess, detail: "extern: mislukt", sourceAddress: http.Connection.RemoteIpAddress?.ToString());
        context.Response.Redirect(FailedPath);
        context.HandleResponse();
    }
}

/// <summary>
/// The browser side of the identity provider sign-in: /aanmelden/extern challenges the provider; its
/// answer comes back to /aanmelden/extern/terug, where the provider's user name must match an account.
/// That account (its roles, its lockout) decides; the provider only vouches for who it is.
/// </summary>
public static class OpenIdConnectSignIn
{
    public const string StartPath = "/aanmelden/extern";
    public const string ReturnPath = "/aanmelden/extern/terug";
    public const string NoAccountPath = "/geen-toegang?reden=geen-account";

    public static void MapOpenIdConnectSignIn(this WebApplication app)
    {
        if (!OpenIdConnectSetup.IsConfigured(app.Configuration)) return;
        // Resolve the handler's options now, so that a wrong setting (an Authority without https, say) stops the
        // start instead of failing every request later.
        _ = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectSetup.Scheme);

        app.MapGet(StartPath, (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = $"{ReturnPath}?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}" },
            [OpenIdConnectSetup.Scheme])).AllowAnonymous().ExcludeFromDescription();
        app.MapGet(ReturnPath, ReturnAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> ReturnAsync(string? returnUrl, HttpContext http, SignInManager<AppUser> signIn, Auditor audit)
    {
        var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await http.SignOutAsync(IdentityConstants.ExternalScheme);
        var name = external.Principal?.Identity?.Name;
        var user = string.IsNullOrWhiteSpace(name) ? null : await signIn.UserManager.FindByNameAsync(name);
        var address = http.Connection.RemoteIpAddress?.ToString();
        if (user is null || await signIn.UserManager.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Refused, Auditor.PurposeAccess,
                detail: "extern: geen (actief) account", userName: Shorten(name), sourceAddress: address);
            return Results.Redirect(NoAccountPath);
        }
        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: OpenIdConnectSetup.Scheme);
        await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess,
            detail: "extern", userName: user.UserName, sourceAddress: address);
        return Continue(LocalUrl.OrHome(returnUrl));
    }

    // The sign-in cookie is SameSite=Strict. This request is still part of the navigation the provider's page
    // started (cross-site), so after a redirect the browser would leave the new cookie out of the next request
    // and the person would land on the sign-in form again. A page of our own that moves on starts a same-site
    // navigation, which carries the cookie. It works without JavaScript.
    private static IResult Continue(string target)
    {
        var url = HtmlEncoder.Default.Encode(target);
        var html = $"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8" />
            <meta http-equiv="refresh" content="0;url={url}" />
            <title>Aangemeld – ProcessEngine</title>
            </head>
            <body>
            <p>U bent aangemeld. <a href="{url}">Verder naar ProcessEngine</a></p>
            </body>
            </html>
            """;
        return new NoStoreHtml(html);
    }

    // A refused name is whatever the provider sent: keep the audit line short.
    private static string? Shorten(string? name) => name is { Length: > 64 } ? name[..64] : name;

    private sealed class NoStoreHtml(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.CacheControl = "no-store";
            return Results.Content(html, "text/html; charset=utf-8").ExecuteAsync(http);
        }
    }
}
