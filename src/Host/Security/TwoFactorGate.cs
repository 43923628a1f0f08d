using ProcessEngine.Host.Api;

namespace ProcessEngine.Host.Security;

/// <summary>
/// A session whose account must set up its second factor first (<see cref="TwoFactorRule.MustSetUp"/>) reaches only
/// the set-up: its page, the sign-in API (me, set-up, sign-out) and the files a page needs. Every other page sends it
/// to the set-up; every other call, the hubs and the live circuit answer 403. The password alone is then worth no
/// casus, no flow and no audit log.
/// </summary>
internal static class TwoFactorGate
{
    public const string SetupPath = "/account/tweestapsverificatie";

    public static IApplicationBuilder UseTwoFactorGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated != true || !TwoFactorRule.MustSetUp(http.User) || IsOpen(http.Request.Path))
        {
            await next(http);
            return;
        }
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/_blazor")
            || path.StartsWithSegments("/hangfire") || !HttpMethods.IsGet(http.Request.Method))
        {
            await ForbiddenProblem.Of("Stel eerst tweestapsverificatie in (GET en POST /api/auth/2fa, of de pagina "
                + SetupPath + "): uw rol vraagt een tweede stap bij het aanmelden.").ExecuteAsync(http);
            return;
        }
        http.Response.Redirect(SetupPath);
    });

    private static bool IsOpen(PathString path) =>
        path.StartsWithSegments(SetupPath) || path.StartsWithSegments("/api/auth") || path.StartsWithSegments("/afmelden")
        || path.StartsWithSegments("/aanmelden")
        // Stylesheets, scripts and fonts of the set-up page; none of them holds data.
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content") || path.StartsWithSegments("/css");
}
