using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Auditing;

/// <summary>
/// Refusals the authorization middleware answers before any handler runs (a manager opening /casus/{code} or
/// calling GET /api/casus/{code}) are audited like the refusals the handlers answer: who tried what, on which
/// casus, from where. Every forbidden request is a line; an anonymous one only on the API or when it names a casus
/// (a page visit that is sent to the sign-in page is not worth a line, a probe for a casus code is).
/// </summary>
public sealed class AuditingAuthorizationResultHandler(Auditor audit) : IAuthorizationMiddlewareResultHandler
{
    public const string EventCode = "access.refused";
    private readonly AuthorizationMiddlewareResultHandler _answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var casusCode = context.GetRouteValue("code") as string;
        var anonymous = context.User.Identity?.IsAuthenticated != true;
        if (result.Forbidden || (result.Challenged && (casusCode is not null || context.Request.Path.StartsWithSegments("/api"))))
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            await audit.RecordAsync(anonymous ? null : Security.CurrentUser.From(context), EventCode, ActionOf(context.Request.Method),
                AuditOutcome.Refused, casusCode is null ? Auditor.PurposeAccess : Auditor.PurposeCare, casusCode,
                detail: $"{context.Request.Method} {route} ({(anonymous ? "niet aangemeld" : "rol zonder toegang")})",
                sourceAddress: context.Connection.RemoteIpAddress?.ToString(), ct: context.RequestAborted);
        }
        await _answer.HandleAsync(next, context, policy, result);
    }

    /// <summary>What was attempted, in NEN 7513's action codes (a POST here is an action: claim, complete, stopknop, …).</summary>
    private static string ActionOf(string method) => method switch
    {
        "GET" or "HEAD" => AuditAction.Read,
        "PUT" or "PATCH" => AuditAction.Update,
        "DELETE" => AuditAction.Delete,
        _ => AuditAction.Execute,
    };
}
