using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Adds the teams (extra candidate groups), the display name and the sign-in's moment (for the session's absolute
/// limit) to the sign-in's claims, beside the roles and the security stamp Identity adds; and marks the session of an account
/// that must still set up its second factor.
/// </summary>
public sealed class ClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, TimeProvider clock,
    TwoFactorRule twoFactor)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "processengine:displayname";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        foreach (var team in user.TeamList) identity.AddClaim(new Claim(CurrentUser.TeamClaim, team));
        identity.AddClaim(SessionCheck.StartedAt(clock.GetUtcNow()));
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        // Turning the second factor on renews the stamp, so this claim never outlives the setting it reflects.
        if (!user.TwoFactorEnabled && twoFactor.IsRequired(user, identity.FindAll(identity.RoleClaimType).Select(c => c.Value)))
            identity.AddClaim(new Claim(TwoFactorRule.SetupPendingClaim, "true"));
        return identity;
    }
}
