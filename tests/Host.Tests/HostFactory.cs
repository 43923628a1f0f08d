using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ProcessEngine.Host.Tests;

/// <summary>The real host over HTTP, on its own SQLite file, with the shipped flows it carries.</summary>
public sealed class HostFactory : WebApplicationFactory<Program>
{
    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), "processengine-tests", $"host-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:ProcessEngine", $"Data Source={DatabasePath}");
        builder.UseSetting("Timers:PollingInterval", "00:00:01");
    }
}
