using System.Security.Claims;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Components;

/// <summary>What the UI shows of the signed-in person, read from the sign-in's claims.</summary>
public static class UiClaims
{
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimsFactory.DisplayNameClaim) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    /// <summary>The roles in Dutch, e.g. "Voorzitter RVT, Manager".</summary>
    public static string RoleNames(ClaimsPrincipal user) =>
        string.Join(", ", user.FindAll(ClaimTypes.Role).Select(c => c.Value).Where(Roles.All.Contains).Distinct().Select(Roles.Dutch));
}
