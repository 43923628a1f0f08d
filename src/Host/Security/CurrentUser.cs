using System.Security.Claims;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Who is asking, as the application layer needs it: the user name the engine knows, the roles, the
/// candidate groups (roles and teams), and where the request came from (for the audit log).
/// </summary>
public sealed record CurrentUser(string UserName, IReadOnlyList<string> Roles, IReadOnlyList<string> Teams, string? SourceAddress)
{
    public const string TeamClaim = "processengine:team";

    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsInAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles) if (Roles.Contains(role)) return true;
        return false;
    }

    /// <summary>The groups whose tasks this person may claim: every role and every team.</summary>
    public IReadOnlyList<string> Groups => [.. Roles, .. Teams];

    /// <summary>The role written to the audit log (NEN 7513 asks for the role the user acted in).</summary>
    public string AuditRole => Roles.Count == 0 ? "-" : string.Join(",", Roles);

    public static CurrentUser From(HttpContext http) => From(http.User, http.Connection.RemoteIpAddress?.ToString());

    public static CurrentUser From(ClaimsPrincipal principal, string? sourceAddress) => new(
        principal.Identity?.Name ?? throw new InvalidOperationException("The request is not signed in."),
        principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(ProcessEngine.HostStore.Identity.Roles.All.Contains).Distinct().ToList(),
        principal.FindAll(TeamClaim).Select(c => c.Value).Distinct().ToList(),
        sourceAddress);
}
