using System.Security.Cryptography;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Headers on every answer that keep a browser from being turned against the person using it: no page of ours
/// inside another site's frame (clickjacking a "Beëindigen" button), no content type guessed from the bytes, no
/// address of a casus page sent to another site as referrer, no plugins. Outside Development, a browser that
/// reached the host over TLS is told to use nothing else (HSTS).
/// Scripts run only from the host's own files, plus the one inline script the page needs (the import map, which carries
/// this answer's nonce): a text that slipped into a page as markup cannot run. Styles may be inline (MudBlazor and the
/// canvas set them), images and fonts come from the host or data: addresses, and the circuit connects only back to the host.
/// The API reference (Scalar) and Hangfire's dashboard bring inline scripts of their own and keep only the base policy.
/// </summary>
internal static class SecurityHeaders
{
    public const string BasePolicy = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Where the page finds this answer's nonce (<see cref="HttpContext.Items"/>).</summary>
    public const string NonceKey = "csp-nonce";

    public static string PagePolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + $"connect-src 'self'; {BasePolicy}";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = HasOwnScripts(http.Request.Path) ? BasePolicy : PagePolicy(NewNonce(http));
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            return next(http);
        });
        return app;
    }

    private static bool HasOwnScripts(PathString path) => path.StartsWithSegments("/api-docs") || path.StartsWithSegments("/hangfire");

    private static string NewNonce(HttpContext http)
    {
        // Hex, not base64: a '+' would reach the page HTML-encoded, and a nonce should read the same in header and markup.
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        return nonce;
    }
}
