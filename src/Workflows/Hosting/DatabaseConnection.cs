using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcessEngine.Workflows.Persistence.EntityFramework;

namespace ProcessEngine.Workflows.Hosting;

/// <summary>Which database the engine, the domain and the host's own tables live in.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file, one process.</summary>
    Sqlite,

    /// <summary>Multi-node: any number of identical host processes on one PostgreSQL database.</summary>
    PostgreSql,
}

/// <summary>
/// The one database every DbContext of the application shares, and how to configure a context for it.
/// Each context keeps its own migrations history table; PostgreSQL's migrations live in their own
/// assembly (ProcessEngine.Migrations.PostgreSql), so each provider has a migration set made for it.
/// </summary>
public sealed record DatabaseConnection
{
    /// <summary>The assembly that holds the PostgreSQL migrations of all three contexts.</summary>
    public const string PostgreSqlMigrationsAssembly = "ProcessEngine.Migrations.PostgreSql";

    private DatabaseConnection(DatabaseProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static DatabaseConnection Sqlite(string connectionString) => new(DatabaseProvider.Sqlite, SqliteSetup.Normalise(connectionString));

    public static DatabaseConnection PostgreSql(string connectionString) => new(DatabaseProvider.PostgreSql, PostgreSqlSetup.Normalise(connectionString));

    public static DatabaseConnection For(DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite(connectionString),
        DatabaseProvider.PostgreSql => PostgreSql(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider is Sqlite or PostgreSql."),
    };

    /// <summary>Configures a context for this database, with its own migrations history table when given.</summary>
    public void Configure(DbContextOptionsBuilder options, string? migrationsHistoryTable = null)
    {
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(ConnectionString, o =>
                {
                    if (migrationsHistoryTable is not null) o.MigrationsHistoryTable(migrationsHistoryTable);
                });
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o =>
                {
                    o.MigrationsAssembly(PostgreSqlMigrationsAssembly);
                    if (migrationsHistoryTable is not null) o.MigrationsHistoryTable(migrationsHistoryTable);
                });
                break;
        }
    }

    /// <summary>The connection string without its password, for logs and start-up messages.</summary>
    public override string ToString() => Provider switch
    {
        DatabaseProvider.PostgreSql => $"PostgreSql {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}",
        _ => $"Sqlite {ConnectionString}",
    };
}
