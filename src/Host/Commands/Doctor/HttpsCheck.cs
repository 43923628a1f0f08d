using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// Outside Development the session cookie is Secure: the browser sends it over https only. So the host listens either
/// on https, or on plain http on loopback behind a reverse proxy that terminates TLS (and is then a known proxy, so the
/// audit log records the client's address rather than the proxy's).
/// </summary>
public sealed class HttpsCheck : IDoctorCheck
{
    private const string Area = "HTTPS";

    /// <summary>Kestrel's address when nothing is configured.</summary>
    private const string KestrelDefault = "http://localhost:5000";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var findings = new List<DoctorFinding>();
        var loopbackHttp = false;
        foreach (var url in Addresses(context.Configuration))
        {
            var (scheme, host) = Split(url);
            if (scheme == "https") findings.Add(DoctorFinding.Ok(Area, $"{url} is https."));
            else if (DoctorFiles.IsLoopback(host)) loopbackHttp = true;
            else
                findings.Add(DoctorFinding.Blocking(Area, $"Urls: {url} is plain http on a non-loopback address: the session cookie is Secure outside Development "
                    + "and will not be sent over plain http; put a TLS reverse proxy in front, see deploy/.",
                    "set Urls=http://127.0.0.1:5080 behind a TLS reverse proxy (or an https:// address with a certificate)."));
        }
        if (loopbackHttp) findings.AddRange(Proxy(context.Configuration));
        return Task.FromResult<IReadOnlyList<DoctorFinding>>(findings);
    }

    private static IEnumerable<DoctorFinding> Proxy(IConfiguration config)
    {
        var network = config.GetSection("Network").Get<NetworkOptions>() ?? new NetworkOptions();
        foreach (var problem in network.Problems())
            yield return DoctorFinding.Blocking(Area, problem + " (the host refuses to start).", "set it to the reverse proxy's address, e.g. Network__KnownProxies__0=127.0.0.1.");
        if (!network.TrustsAProxy)
            yield return DoctorFinding.Warning(Area, "plain http on loopback, so a reverse proxy is expected in front, but Network:KnownProxies is not set: "
                + "the audit log records the proxy's address instead of the client's.", "set Network__KnownProxies__0=<the proxy's address, e.g. 127.0.0.1>.");
        else if (network.Problems().Count == 0)
            yield return DoctorFinding.Ok(Area, "plain http on loopback behind a known reverse proxy (Network:KnownProxies/KnownNetworks); TLS is the proxy's.");
    }

    /// <summary>Urls (or ASPNETCORE_URLS) as the host reads it, else Kestrel's configured endpoints, else Kestrel's default.</summary>
    private static IReadOnlyList<string> Addresses(IConfiguration config)
    {
        var urls = (config["Urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length > 0) return urls;
        var endpoints = config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToList();
        return endpoints.Count > 0 ? endpoints : [KestrelDefault];
    }

    /// <summary>Scheme and host of an address Kestrel accepts, including forms Uri rejects (http://*:80, http://+:80).</summary>
    private static (string Scheme, string Host) Split(string url)
    {
        var separator = url.IndexOf("://", StringComparison.Ordinal);
        if (separator < 0) return ("http", url);
        var scheme = url[..separator].ToLowerInvariant();
        var rest = url[(separator + 3)..];
        var host = rest.StartsWith('[') ? rest[..(rest.IndexOf(']') + 1)] : rest.Split(':', '/')[0];
        return (scheme, host);
    }
}
