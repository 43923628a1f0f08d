using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>Sessions: how long one may sit idle, how long it may last at all, and how often it is checked against the account.</summary>
public sealed class SessionLimits
{
    /// <summary>A cookie session nobody used for this long ends (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>However busy, a session ends this long after its sign-in: a working day.</summary>
    public TimeSpan AbsoluteLimit { get; set; } = TimeSpan.FromHours(10);
    /// <summary>How often a session (cookie, bearer token, open screen) is held against its account: existing, not locked out, stamp unchanged.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>
    /// How long a bearer token lasts. Short, because a copied token works until it ends or its check comes; the client
    /// gets a new one with its refresh token (POST /api/auth/refresh) for as long as the session itself may last.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Whether a signed-in principal may go on. A sign-in ends everywhere (every browser, token and open screen) when
/// its account is deleted or locked out, or when its security stamp changes: a new password, other roles or
/// teams, and signing out (which renews the stamp on purpose); and it ends on its own after the absolute limit.
/// </summary>
public sealed class SessionCheck(UserManager<AppUser> users, IOptions<IdentityOptions> identity, IOptions<SessionLimits> limits, TimeProvider clock)
{
    /// <summary>When the sign-in happened. A principal is never refreshed in place (a changed stamp ends it), so this is the password's moment.</summary>
    public const string StartedClaim = "processengine:session-started";

    public static Claim StartedAt(DateTimeOffset moment) =>
        new(StartedClaim, moment.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    /// <summary>False when the session has outlived the absolute limit (or carries no start): no database read.</summary>
    public static bool IsWithinLimit(ClaimsPrincipal principal, TimeSpan absoluteLimit, DateTimeOffset now) =>
        principal.FindFirstValue(StartedClaim) is { } text && long.TryParse(text, CultureInfo.InvariantCulture, out var seconds)
        && now - DateTimeOffset.FromUnixTimeSeconds(seconds) <= absoluteLimit;

    /// <returns>Null when the session may go on; otherwise why not (for the log, never shown as a reason to the client).</returns>
    public async Task<string?> RefusalAsync(ClaimsPrincipal principal)
    {
        if (!IsWithinLimit(principal, limits.Value.AbsoluteLimit, clock.GetUtcNow())) return "the session is older than its absolute limit";
        var user = await users.GetUserAsync(principal);
        if (user is null) return "the account no longer exists";
        if (await users.IsLockedOutAsync(user)) return "the account is locked out";
        if (!users.SupportsUserSecurityStamp) return null;
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user) ? null : "the account's security stamp changed (password, roles, teams or a sign-out)";
    }
}
