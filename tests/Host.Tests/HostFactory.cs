using ProcessEngine.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ProcessEngine.Host.Tests;

/// <summary>The real host over HTTP, on its own SQLite file (or a given database), with the shipped flows it carries.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "processengine-tests", $"host-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (Database is { } database)
        {
            builder.UseSetting("Database:Provider", database.Provider.ToString());
            builder.UseSetting("ConnectionStrings:ProcessEngine", database.ConnectionString);
        }
        else builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={DatabasePath}");
        builder.UseSetting("Timers:PollingInterval", "00:00:01");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (Clock is { } clock)
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.WithoutHangfireServer();
            });
    }

    /// <summary>When set, the host uses this database (e.g. PostgreSQL) instead of its own SQLite file.</summary>
    public ProcessEngine.Data.DatabaseConnection? Database { get; init; }

    /// <summary>Configuration the test sets on top of the host's own (e.g. Network:KnownProxies:0).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the host runs on this clock instead of the wall clock.</summary>
    public FakeTimeProvider? Clock { get; init; }
}
