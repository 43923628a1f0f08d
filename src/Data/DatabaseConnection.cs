using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ProcessEngine.Data.Work;

namespace ProcessEngine.Data;

/// <summary>
/// The one database every DbContext of the application shares, and how to configure a context for it.
/// Each context keeps its own migrations history table. SQLite's migrations live beside their contexts;
/// PostgreSQL's live in an assembly of their own that the composing host names when it connects
/// (<see cref="PostgreSql(string, Assembly)"/>), so nothing below the host needs to know that assembly.
/// </summary>
public sealed record DatabaseConnection
{
    private DatabaseConnection(DatabaseProvider provider, string connectionString, string? migrationsAssembly)
    {
        Provider = provider;
        ConnectionString = connectionString;
        MigrationsAssembly = migrationsAssembly;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    /// <summary>Where this provider's migrations are, when not beside the context; null for the context's own assembly.</summary>
    public string? MigrationsAssembly { get; }

    public static DatabaseConnection Sqlite(string connectionString) =>
        new(DatabaseProvider.Sqlite, SqliteConnectionSetup.Normalise(connectionString), null);

    /// <summary>PostgreSQL, with the assembly that holds the PostgreSQL migrations of every context.</summary>
    public static DatabaseConnection PostgreSql(string connectionString, Assembly migrations) =>
        new(DatabaseProvider.PostgreSql, PostgreSqlConnectionSetup.Normalise(connectionString), migrations.GetName().Name);

    /// <summary>The provider named by configuration; <paramref name="postgreSqlMigrations"/> is used when it is PostgreSQL.</summary>
    public static DatabaseConnection For(DatabaseProvider provider, string connectionString, Assembly postgreSqlMigrations) => provider switch
    {
        DatabaseProvider.Sqlite => Sqlite(connectionString),
        DatabaseProvider.PostgreSql => PostgreSql(connectionString, postgreSqlMigrations),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Database:Provider is Sqlite or PostgreSql."),
    };

    /// <summary>
    /// Which database this is, without credentials: the SQLite file's full path, or PostgreSQL's host, port and
    /// database. Records kept outside the database (the audit checkpoints) say which database they are about.
    /// </summary>
    public string Identity => Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource)
        : new NpgsqlConnectionStringBuilder(ConnectionString) is var pg ? $"postgresql:{pg.Host}:{pg.Port}/{pg.Database}" : "";

    /// <summary>A new, closed connection to this database, pooled by its provider: for work written as plain statements.</summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider switch
    {
        DatabaseProvider.PostgreSql => new NpgsqlConnection(ConnectionString),
        _ => new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString),
    };

    /// <summary>Configures a context for this database, with its own migrations history table when given.</summary>
    public void Configure(DbContextOptionsBuilder options, string? migrationsHistoryTable = null)
    {
        options.AddInterceptors(DatabaseWorkInterceptors.All);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                options.AddInterceptors(SqliteLockWaiting.Interceptor);
                options.UseSqlite(ConnectionString, o =>
                {
                    if (migrationsHistoryTable is not null) o.MigrationsHistoryTable(migrationsHistoryTable);
                });
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(ConnectionString, o =>
                {
                    if (MigrationsAssembly is not null) o.MigrationsAssembly(MigrationsAssembly);
                    if (migrationsHistoryTable is not null) o.MigrationsHistoryTable(migrationsHistoryTable);
                });
                break;
        }
    }

    /// <summary>
    /// Configures a context on a connection someone else opened (the engine's writer, inside its transaction), so the
    /// context's rows commit in that transaction. The provider follows from the connection.
    /// </summary>
    public static void UseExisting(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection)
    {
        options.AddInterceptors(DatabaseWorkInterceptors.All);
        switch (connection)
        {
            case Microsoft.Data.Sqlite.SqliteConnection sqlite:
                options.UseSqlite(sqlite);
                break;
            case NpgsqlConnection npgsql:
                options.UseNpgsql(npgsql);
                break;
            default:
                throw new ArgumentException($"No provider for a {connection.GetType().Name}.", nameof(connection));
        }
    }

    /// <summary>The connection string without its password, for logs and start-up messages.</summary>
    public override string ToString() => Provider switch
    {
        DatabaseProvider.PostgreSql => $"PostgreSql {new NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }}",
        _ => $"Sqlite {ConnectionString}",
    };
}
