using System.Net;
using Microsoft.AspNetCore.TestHost;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Tests.Api;

/// <summary>
/// The audit log's source address comes from the connection, or from X-Forwarded-For only when the connection is a
/// configured known proxy: anyone else sending the header cannot put another address in the log.
/// </summary>
public sealed class SourceAddressTests
{
    private const string Client = "203.0.113.9";

    /// <summary>An anonymous look at a casus (401, audited as refused) from <paramref name="from"/>, claiming to forward <see cref="Client"/>.</summary>
    private static async Task<string?> AuditedAddressAsync(ApiHost host, string from)
    {
        var before = (await host.Service<AuditLog>().SearchAsync(new AuditQuery(Take: 1))).FirstOrDefault()?.Sequence ?? 0;
        var context = await host.Factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/api/casus/RVT-2026-AAAAAA";
            c.Request.Headers["X-Forwarded-For"] = Client;
            c.Connection.RemoteIpAddress = IPAddress.Parse(from);
        });
        Assert.Equal(401, context.Response.StatusCode);
        var line = Assert.Single(await host.Service<AuditLog>().SearchAsync(new AuditQuery(EventCode: AuditingAuthorizationResultHandler.EventCode)),
            l => l.Sequence > before);
        return line.SourceAddress;
    }

    [Fact]
    public async Task BehindAKnownProxy_TheForwardedClientIsLogged_AndFromAnyoneElseTheirOwnAddress()
    {
        await using var host = ApiHost.With(new Dictionary<string, string>
        {
            ["Network:KnownProxies:0"] = "10.0.0.5",
            ["Network:KnownNetworks:0"] = "10.1.0.0/16",
        });
        await host.InitializeAsync();

        Assert.Equal(Client, await AuditedAddressAsync(host, "10.0.0.5"));
        Assert.Equal(Client, await AuditedAddressAsync(host, "10.1.2.3"));
        Assert.Equal("10.0.0.6", await AuditedAddressAsync(host, "10.0.0.6"));
    }

    [Fact]
    public async Task WithoutKnownProxies_NoForwardedHeaderIsBelieved_NotEvenFromLoopback()
    {
        await using var host = new ApiHost();
        await host.InitializeAsync();

        Assert.Equal("127.0.0.1", await AuditedAddressAsync(host, "127.0.0.1"));
    }

    [Fact]
    public async Task AKnownProxyThatIsNoAddress_StopsTheStart_NamingTheKey()
    {
        await using var host = ApiHost.With(new Dictionary<string, string> { ["Network:KnownProxies:0"] = "de-proxy" });

        var failure = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);

        Assert.Contains("Network:KnownProxies", failure.ToString());
    }
}
