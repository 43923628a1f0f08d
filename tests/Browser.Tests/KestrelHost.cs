using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Tests;

namespace ProcessEngine.Browser.Tests;

/// <summary>
/// The real host on a real Kestrel port (a browser cannot reach WebApplicationFactory's in-memory server),
/// on its own SQLite file (or a given database), in Development: shipped flows imported, demo accounts made.
/// </summary>
public sealed class KestrelHost : WebApplicationFactory<Program>
{
    public KestrelHost() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "processengine-tests", $"browser-{Guid.NewGuid():N}.db");

    /// <summary>Where the browser finds the host, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Accounts:CreateDemoAccounts", "true");
        builder.UseSetting("SignIn:Limits:PerAddress", "100000");
        builder.UseSetting("SignIn:Limits:PerUserName", "100000");
        if (Database is { } database)
        {
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:ProcessEngine", database.ConnectionString);
        }
        else builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={DatabasePath}");
        if (Clock is { } clock)
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.WithoutHangfireServer();
            });
    }

    /// <summary>When set, the host uses this database (e.g. PostgreSQL shared with another node) instead of its own SQLite file.</summary>
    public ProcessEngine.Data.DatabaseConnection? Database { get; init; }

    /// <summary>
    /// When set, the host runs on this clock instead of the wall clock, and without Hangfire's server (which would
    /// fire timers on the wall clock): the test moves the clock, as Host.Tests' HostFactory does.
    /// </summary>
    public FakeTimeProvider? Clock { get; init; }
}
