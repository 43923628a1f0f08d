using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Network:KnownProxies (addresses) and Network:KnownNetworks (CIDR ranges): the only senders whose X-Forwarded-For
/// (and X-Forwarded-Proto) the host believes. The audit log's source address is the connection's own address unless
/// the connection comes from one of these; then it is the client address that proxy reports. With neither set, no
/// forwarded header is believed at all — not even from loopback, which ASP.NET Core would trust by default — so
/// nobody can put another address in the audit log by sending the header themselves.
/// </summary>
public sealed class NetworkOptions
{
    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Each entry that is not an address or a range, named by its configuration key.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        for (var i = 0; i < KnownProxies.Count; i++)
            if (!IPAddress.TryParse(KnownProxies[i], out _)) problems.Add($"Network:KnownProxies:{i} '{KnownProxies[i]}' is not an IP address.");
        for (var i = 0; i < KnownNetworks.Count; i++)
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _)) problems.Add($"Network:KnownNetworks:{i} '{KnownNetworks[i]}' is not a range such as 10.0.0.0/8.");
        return problems;
    }

    public bool TrustsAProxy => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class KnownProxies
{
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<NetworkOptions>().Bind(config.GetSection("Network"))
            .Validate(o => o.Problems().Count == 0, "Network: a known proxy or network is not valid (see Network:KnownProxies and Network:KnownNetworks).")
            .ValidateOnStart();
        var network = config.GetSection("Network").Get<NetworkOptions>() ?? new NetworkOptions();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in network.KnownProxies)
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
            foreach (var range in network.KnownNetworks)
                if (System.Net.IPNetwork.TryParse(range, out var parsed)) o.KnownIPNetworks.Add(parsed);
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later part (sign-in, authorization, the audit) sees the client's address.</summary>
    public static WebApplication UseKnownProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<NetworkOptions>>().Value.TrustsAProxy) app.UseForwardedHeaders();
        return app;
    }
}
