using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api;

/// <summary>
/// Endpoint metadata that states who may call it: a policy (roles) and whether involvement in the casus
/// is checked on top. Every /api endpoint must carry one; the access matrix test enumerates them.
/// </summary>
public sealed record AccessRule(string? Policy, bool Involvement)
{
    public static readonly AccessRule Anonymous = new(null, false);
    public static readonly AccessRule SignedIn = new("", false);
}

public static class AccessRuleExtensions
{
    /// <summary>Requires the policy's roles; with <paramref name="involvement"/> the handler also checks the casus.</summary>
    public static RouteHandlerBuilder Access(this RouteHandlerBuilder endpoint, string policy, bool involvement = false) =>
        endpoint.RequireAuthorization(policy).WithMetadata(new AccessRule(policy, involvement));

    public static RouteHandlerBuilder SignedIn(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization().WithMetadata(AccessRule.SignedIn);

    public static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().WithMetadata(AccessRule.Anonymous);
}
