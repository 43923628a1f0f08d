using System.Security.Claims;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>SignIn:TwoFactor: the roles whose accounts must sign in with a second factor (TOTP app or recovery code).</summary>
public sealed class TwoFactorOptions
{
    /// <summary>
    /// Admins (accounts, audit log), coordinators (what every flow does to a family) and chairs (every casus) by default;
    /// everyone else may turn it on. A list given in configuration replaces this one.
    /// </summary>
    public List<string> RequiredForRoles { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultRoles = [HostStore.Identity.Roles.Admin, HostStore.Identity.Roles.Coordinator, HostStore.Identity.Roles.RvtChair];

    public IReadOnlyList<string> EffectiveRoles => RequiredForRoles.Count > 0 ? RequiredForRoles : DefaultRoles;
}

/// <summary>
/// Who must have a second factor, and what a session of someone who still has to set it up may do: nothing but set it
/// up (or sign out). Signing in through the municipality's identity provider stands in for it: that provider carries
/// its own second factor.
/// </summary>
public sealed class TwoFactorRule(IOptions<TwoFactorOptions> options, IHostEnvironment environment)
{
    /// <summary>On a session whose account must set up a second factor first.</summary>
    public const string SetupPendingClaim = "processengine:tweestap-instellen";

    /// <summary>
    /// True for an account in a role that needs a second factor. Demo accounts are left out: they exist only in
    /// Development, with a password printed in the README, so a second factor on them would protect nothing.
    /// </summary>
    public bool IsRequired(AppUser user, IEnumerable<string> roles) =>
        roles.Any(options.Value.EffectiveRoles.Contains) && !(environment.IsDevelopment() && AccountSeeder.IsDemoAccount(user));

    /// <summary>A session that may do nothing but set up its second factor (or sign out).</summary>
    public static bool MustSetUp(ClaimsPrincipal principal) =>
        principal.HasClaim(c => c.Type == SetupPendingClaim) && !principal.HasClaim("amr", OpenIdConnectSetup.Scheme);
}
