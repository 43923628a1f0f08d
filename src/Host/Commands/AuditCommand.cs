using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.HostStore;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// `audit verify`: walks the hash chain of the audit log in the configured database and reports the
/// first broken link. Exit code 0 when intact, 1 on tampering (or when the log cannot be read).
/// </summary>
public static class AuditCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["verify", ..])
        {
            output.WriteLine("usage: audit verify [--ConnectionStrings:ProcessEngine=<connection string>]");
            return 1;
        }
        // The same configuration sources as the host: appsettings.json beside the binary, the environment, the command line.
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args[1..])
            .Build();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("ProcessEngine")))
        {
            output.WriteLine("No database: set ConnectionStrings:ProcessEngine.");
            return 1;
        }
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddHostStore(Extensions.DatabaseConfiguration.Read(configuration)).BuildServiceProvider();
        AuditVerification result;
        try
        {
            result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        }
        catch (System.Data.Common.DbException ex)
        {
            // A wrong path opens an empty file: say so rather than calling an absent log intact.
            output.WriteLine($"The audit log cannot be read ({ex.Message}); is ConnectionStrings:ProcessEngine the host's database?");
            return 1;
        }
        if (result.Intact)
        {
            output.WriteLine($"audit log intact: {result.LinesChecked} line(s) checked");
            return 0;
        }
        output.WriteLine($"audit log BROKEN at line {result.BrokenAt}: {result.Problem} ({result.LinesChecked} line(s) before it are intact)");
        return 1;
    }
}
