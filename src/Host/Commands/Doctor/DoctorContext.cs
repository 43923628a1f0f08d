using ProcessEngine.Data;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>What every check looks at: the configuration the host would read, its environment, and what the database holds.</summary>
public sealed class DoctorContext
{
    public const string DefaultEnvironment = "Production";

    private DoctorContext(IConfiguration configuration, string environment, bool environmentGiven)
    {
        Configuration = configuration;
        Environment = environment;
        EnvironmentGiven = environmentGiven;
    }

    public IConfiguration Configuration { get; }

    /// <summary>The environment name the host would run in; Production unless one is given, since the command checks a production install.</summary>
    public string Environment { get; }

    /// <summary>Whether the environment came from ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or --environment rather than the default.</summary>
    public bool EnvironmentGiven { get; }

    /// <summary>The configured database, or null when the configuration does not name a usable one (see <see cref="DatabaseProblem"/>).</summary>
    public DatabaseConnection? Database { get; private init; }

    public string? DatabaseProblem { get; private init; }

    public DatabaseFacts Facts { get; private init; } = DatabaseFacts.Unread("not read");

    public TimeProvider Clock { get; private init; } = TimeProvider.System;

    public bool IsPostgreSql => Database?.Provider == DatabaseProvider.PostgreSql;

    /// <summary>The SQLite database file, full path; null on PostgreSQL or without a database.</summary>
    public string? SqliteFile => Database is { Provider: DatabaseProvider.Sqlite } sqlite ? Backup.SqliteFiles.DataSourceOf(sqlite.ConnectionString) : null;

    public static async Task<DoctorContext> CreateAsync(string[] args, TimeProvider clock, CancellationToken ct)
    {
        var (configuration, environment, given) = Read(args);
        DatabaseConnection? database = null;
        string? problem = null;
        try
        {
            database = Extensions.DatabaseConfiguration.Read(configuration);
        }
        catch (InvalidOperationException ex)
        {
            problem = ex.Message;
        }
        var facts = database is null ? DatabaseFacts.Unread(problem!) : await DatabaseFacts.ReadAsync(database, clock, ct);
        return new DoctorContext(configuration, environment, given) { Database = database, DatabaseProblem = problem, Facts = facts, Clock = clock };
    }

    /// <summary>
    /// The host's configuration sources in the host's order (WebApplication.CreateBuilder): DOTNET_ and ASPNETCORE_
    /// variables, appsettings.json and appsettings.{environment}.json beside the binary, the environment, the command line.
    /// </summary>
    private static (IConfiguration, string, bool) Read(string[] args)
    {
        var hostSettings = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_").AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build();
        var named = hostSettings["Environment"];
        var environment = string.IsNullOrWhiteSpace(named) ? DefaultEnvironment : named.Trim();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        return (configuration, environment, !string.IsNullOrWhiteSpace(named));
    }

    /// <summary>A configured path as the host resolves it: relative to the folder the host is started from.</summary>
    public static string FullPath(string path) => Path.GetFullPath(path);
}
