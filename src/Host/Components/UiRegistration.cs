using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using MudBlazor.Services;
using ProcessEngine.Host.Components.Account;

namespace ProcessEngine.Host.Components;

/// <summary>
/// The Blazor UI: interactive server components with MudBlazor, Dutch, behind the same sign-in and policies
/// as the API. Pages live under Components/Pages; their links under Layout/NavTree.
/// </summary>
public static class UiRegistration
{
    public static WebApplicationBuilder AddProcessEngineUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthState>();
        services.AddScoped<UiUser>();
        services.AddSingleton<Work.TaskEvents>();
        services.AddMudServices();
        return builder;
    }

    /// <summary>Call after UseAuthentication and UseAuthorization: the antiforgery check needs to know who is signed in.</summary>
    public static WebApplication MapProcessEngineUi(this WebApplication app)
    {
        // An address that is no page gets the Dutch "niet gevonden" page. The API, Hangfire and files keep their own
        // answers: for them this re-execution is switched off again and the host's ProblemDetails status pages answer.
        // (Not a UseWhen branch: a branch has no route table, so the re-executed request would find no page.)
        app.UseStatusCodePagesWithReExecute("/niet-gevonden");
        app.Use((http, next) =>
        {
            if (!IsPageAddress(http.Request.Path) && http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
            return next(http);
        });
        // After the re-execution above, so that a re-executed page request passes it as well.
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Blazor sends its own frame-ancestors policy ('self' by default); ours (Security/SecurityHeaders) allows no framing at all.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");
        SignOutEndpoint.Map(app);
        return app;
    }

    private static bool IsPageAddress(PathString path) =>
        !path.StartsWithSegments("/api") && !path.StartsWithSegments("/hangfire") && !path.StartsWithSegments("/hubs")
        && !path.StartsWithSegments("/_framework") && !path.StartsWithSegments("/_content") && !path.StartsWithSegments("/_blazor")
        && !Path.HasExtension(path.Value);
}
