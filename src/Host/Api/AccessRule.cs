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
    /// <summary>
    /// Requires the policy's roles; with <paramref name="involvement"/> the handler also checks the casus. The authorization
    /// middleware answers 401 (not signed in) and 403 (not in the policy's roles) before the endpoint runs: both are declared.
    /// </summary>
    public static RouteHandlerBuilder Access(this RouteHandlerBuilder endpoint, string policy, bool involvement = false) =>
        endpoint.RequireAuthorization(policy).WithMetadata(new AccessRule(policy, involvement))
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    /// <summary>Any signed-in user; the middleware answers 401 to anyone else (declared).</summary>
    public static RouteHandlerBuilder SignedIn(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization().WithMetadata(AccessRule.SignedIn).ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>
    /// A query or body value of the wrong type (or JSON that does not parse) is a 400 before the handler runs
    /// (<see cref="BadRequestHandler"/>): declared for endpoints whose own result type has no 400.
    /// </summary>
    public static RouteHandlerBuilder InputCanBeRefused(this RouteHandlerBuilder endpoint) => endpoint.ProducesValidationProblem();

    public static RouteHandlerBuilder Anonymous(this RouteHandlerBuilder endpoint) =>
        endpoint.AllowAnonymous().WithMetadata(AccessRule.Anonymous);
}
