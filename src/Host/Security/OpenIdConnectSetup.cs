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
