namespace ProcessEngine.Host.Security;

/// <summary>
/// Headers on every answer that keep a browser from being turned against the person using it: no page of ours
/// inside another site's frame (clickjacking a "Beëindigen" button), no content type guessed from the bytes, no
/// address of a casus page sent to another site as referrer, no plugins. Outside Development, a browser that
/// reached the host over TLS is told to use nothing else (HSTS).
/// The content policy does not yet restrict scripts and styles: the canvas and the component library first need
/// checking against such a policy in the browser tests (see README, open work).
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentPolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentPolicy;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }
}
