using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Continues an API client's session with a new short bearer token, given the refresh token of its sign-in. The
/// refresh token is held to the same <see cref="SessionCheck"/> as every token: after a sign-out, a lockout, a new
/// password or other roles it is refused, and never beyond the session's absolute limit (the principal keeps the
/// moment of the password, so refreshing does not restart that clock).
/// </summary>
public sealed class TokenRefresh(IOptionsMonitor<BearerTokenOptions> bearer, SessionCheck sessions, TimeProvider clock, Auditor audit)
{
    /// <returns>The principal to issue a new token for, or null when the session has ended (audited).</returns>
    public async Task<ClaimsPrincipal?> ContinueAsync(string refreshToken, string? sourceAddress)
    {
        var ticket = bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        var refusal = ticket is null ? "ongeldig token"
            : ticket.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires ? "verlopen"
            : await sessions.RefusalAsync(ticket.Principal) is not null ? "sessie beëindigd"
            : null;
        if (refusal is null) return ticket!.Principal;
        await audit.RecordAsync(null, "auth.refresh", AuditAction.Execute, AuditOutcome.Refused, Auditor.PurposeAccess,
            detail: refusal, userName: ticket?.Principal.Identity?.Name, sourceAddress: sourceAddress);
        return null;
    }
}
