using ProcessEngine.HostStore;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// What the database commands (backup, restore) share with `audit verify`: the host's configuration sources and its
/// database and audit settings, without starting the host.
/// </summary>
public static class CommandServices
{
    /// <summary>appsettings.json beside the binary, the environment, then the command line, as for the host.</summary>
    public static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    /// <summary>The configured database and audit settings; the key file is read, never made (a fresh key would call every line forged).</summary>
    /// <param name="services">Services a verb needs beside these (Identity's user manager, say).</param>
    public static ServiceProvider Build(IConfiguration configuration, IServiceCollection? services = null) => (services ?? new ServiceCollection()).AddSingleton(TimeProvider.System)
        .AddHostStore(Extensions.DatabaseConfiguration.Read(configuration))
        .Configure<AuditOptions>(configuration.GetSection("Audit"))
        .PostConfigure<AuditOptions>(o => o.CreateKeyFile = false)
        .AddSingleton<Backup.SqliteBackup>()
        .BuildServiceProvider();

    /// <summary>Splits the verb's own words (flags and values) from configuration (--Section:Key=value).</summary>
    public static (List<string> Words, string[] Configuration) Split(string[] args, params string[] flagsWithValue)
    {
        var words = new List<string>();
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (flagsWithValue.Contains(args[i]) && i + 1 < args.Length) { words.Add(args[i]); words.Add(args[++i]); }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal)) configuration.Add(args[i]);
            else words.Add(args[i]);
        }
        return (words, [.. configuration]);
    }
}
