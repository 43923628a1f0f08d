namespace ProcessEngine.Host.Components;

/// <summary>Where to go after signing in: only a path on this host, so a crafted link cannot send someone elsewhere.</summary>
public static class LocalUrl
{
    public const string Home = "/";

    public static string OrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return Home;
        // "//host" and "/\host" are read by browsers as another host.
        if (url.Length > 1 && (url[1] == '/' || url[1] == '\\')) return Home;
        if (url.Any(char.IsControl)) return Home;
        // Back to the sign-in page after signing in would only show the form again.
        if (url.StartsWith("/aanmelden", StringComparison.OrdinalIgnoreCase)) return Home;
        return url;
    }
}
