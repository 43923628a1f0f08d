using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Holds every cookie session to <see cref="SessionLimits"/>: the absolute limit on each request (from a claim, no
/// database read), the account check once per interval (the moment of the last check rides in the cookie).
/// </summary>
internal static class SessionCookieEvents
{
    private const string CheckedItem = "processengine.checked";

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var limits = services.GetRequiredService<IOptions<SessionLimits>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (context.Principal is not { } principal) return;
        if (SessionCheck.IsWithinLimit(principal, limits.AbsoluteLimit, now) && !CheckIsDue(context.Properties, limits, now)) return;
        var refusal = await services.GetRequiredService<SessionCheck>().RefusalAsync(principal);
        if (refusal is not null)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionCookieEvents))
                .LogInformation("A cookie session of {User} ended: {Reason}", principal.Identity?.Name, refusal);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        context.Properties.Items[CheckedItem] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }

    private static bool CheckIsDue(AuthenticationProperties properties, SessionLimits limits, DateTimeOffset now) =>
        !(properties.Items.TryGetValue(CheckedItem, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var seconds)
          && now - DateTimeOffset.FromUnixTimeSeconds(seconds) < limits.CheckInterval);
}
