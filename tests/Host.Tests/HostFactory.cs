using ProcessEngine.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ProcessEngine.Host.Tests;

/// <summary>The real host over HTTP, on its own SQLite file (or a given database), with the shipped flows it carries.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    /// <summary>The host's own SQLite file; a test that starts a second host on the same file gives it the first one's.</summary>
    public string DatabasePath { get; init; } = Path.Combine(Path.GetTempPath(), "processengine-tests", $"host-{Guid.NewGuid():N}.db");

    /// <summary>The hosting environment; Development (with the demo accounts asked for) unless a test says otherwise.</summary>
    public string Environment { get; init; } = "Development";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        if (Environment == "Development") builder.UseSetting("Accounts:CreateDemoAccounts", "true");
        // Tests sign the same demo accounts in many times from one address; the limits have tests of their own.
        builder.UseSetting("SignIn:Limits:PerAddress", "100000");
        builder.UseSetting("SignIn:Limits:PerUserName", "100000");
        if (Database is { } database)
        {
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:ProcessEngine", database.ConnectionString);
        }
        else builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={DatabasePath}");
        builder.UseSetting("Timers:PollingInterval", "00:00:01");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Errors is { } errors) builder.ConfigureLogging(logging => logging.AddProvider(errors));
        if (Clock is { } clock)
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.WithoutHangfireServer();
            });
        if (TestServices is { } configure) builder.ConfigureTestServices(configure);
    }

    /// <summary>When set, the host uses this database (e.g. PostgreSQL) instead of its own SQLite file.</summary>
    public ProcessEngine.Data.DatabaseConnection? Database { get; init; }

    /// <summary>Configuration the test sets on top of the host's own (e.g. Network:KnownProxies:0).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, every Error-level line the host logs is kept here too.</summary>
    public ErrorLog? Errors { get; init; }

    /// <summary>Services a test adds on top of the host's (e.g. an in-memory telemetry exporter).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>When set, the host runs on this clock instead of the wall clock.</summary>
    public FakeTimeProvider? Clock { get; init; }
}
