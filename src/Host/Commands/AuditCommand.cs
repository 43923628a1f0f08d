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
            output.WriteLine("usage: audit verify [--ConnectionStrings:ProcessEngine=<connection string>] [--Audit:KeyFile=<file>] [--Audit:Checkpoints:Path=<file>]");
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
        // The same keys and checkpoint file as the host (Audit:Keys or Audit:KeyFile, Audit:Checkpoints:Path).
        await using var services = new ServiceCollection().AddSingleton(TimeProvider.System)
            .AddHostStore(Extensions.DatabaseConfiguration.Read(configuration))
            .Configure<AuditOptions>(configuration.GetSection("Audit"))
            // Verifying must not make a key: a fresh key would call every line forged.
            .PostConfigure<AuditOptions>(o => o.CreateKeyFile = false).BuildServiceProvider();
        AuditVerification result;
        try
        {
            result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        }
        catch (AuditKeyException ex)
        {
            output.WriteLine($"The audit keys cannot be read: {ex.Message}");
            return 1;
        }
        catch (System.Data.Common.DbException ex)
        {
            // A wrong path opens an empty file: say so rather than calling an absent log intact.
            output.WriteLine($"The audit log cannot be read ({ex.Message}); is ConnectionStrings:ProcessEngine the host's database?");
            return 1;
        }
        if (result.Intact)
        {
            output.WriteLine($"audit log intact: {result.LinesChecked} line(s) checked, {result.CheckpointsChecked} checkpoint(s) held"
                + (result.CheckpointsChecked == 0 ? " (no checkpoints: a log cut short at its end would not show)" : ""));
            return 0;
        }
        output.WriteLine($"audit log BROKEN ({Kebab(result.Kind)}) at line {result.BrokenAt}: {result.Problem} ({result.LinesChecked} line(s) before it are intact)");
        return 1;
    }

    /// <summary>The kind as a word a script can match: DeletedTail → deleted-tail.</summary>
    private static string Kebab(AuditTampering? kind) =>
        System.Text.RegularExpressions.Regex.Replace(kind?.ToString() ?? "unknown", "(?<=[a-z])([A-Z])", "-$1").ToLowerInvariant();
}
