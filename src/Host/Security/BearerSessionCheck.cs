using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Api;

namespace ProcessEngine.Host.Security;

/// <summary>
/// A bearer token is self-contained: without this, one stolen or kept after signing out would work until it
/// expires. Each request with a token is held to <see cref="SessionCheck"/>; the answer is remembered for the
/// check interval per token principal (account, stamp, sign-in moment), so a busy client costs one account read
/// a minute, not one per call.
/// </summary>
internal static class BearerSessionCheck
{
    public static IApplicationBuilder UseBearerSessionCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated == true
            && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && await RefusalAsync(http) is { } refusal)
        {
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BearerSessionCheck))
                .LogInformation("A bearer token of {User} was refused: {Reason}", http.User.Identity.Name, refusal);
            await UnauthorizedProblem.Of("Deze sessie is beëindigd; meld u opnieuw aan.", "Sessie beëindigd").ExecuteAsync(http);
            return;
        }
        await next(http);
    });

    private static async Task<string?> RefusalAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var limits = services.GetRequiredService<IOptions<SessionLimits>>().Value;
        var cache = services.GetRequiredService<IMemoryCache>();
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var key = ("bearer-session", http.User.FindFirstValue(ClaimTypes.NameIdentifier), http.User.FindFirstValue(stampClaim),
            http.User.FindFirstValue(SessionCheck.StartedClaim));
        if (cache.TryGetValue(key, out string? known) && known is not null) return known.Length == 0 ? null : known;
        var refusal = await services.GetRequiredService<SessionCheck>().RefusalAsync(http.User);
        if (limits.CheckInterval > TimeSpan.Zero) cache.Set(key, refusal ?? "", limits.CheckInterval);
        return refusal;
    }
}
