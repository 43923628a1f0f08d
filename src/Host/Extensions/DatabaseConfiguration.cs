using ProcessEngine.Migrations.PostgreSql;
using ProcessEngine.Data;

namespace ProcessEngine.Host.Extensions;

/// <summary>
/// Reads which database to use: <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>PostgreSql</c>)
/// and <c>ConnectionStrings:ProcessEngine</c>. A wrong value stops the start with a message naming the setting.
/// </summary>
public static class DatabaseConfiguration
{
    public static DatabaseConnection Read(IConfiguration config)
    {
        var connectionString = config.GetConnectionString("ProcessEngine");
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException("Set ConnectionStrings:ProcessEngine (appsettings.json or ConnectionStrings__ProcessEngine).");
        var provider = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(provider)) return DatabaseConnection.Sqlite(connectionString);
        if (!Enum.TryParse<DatabaseProvider>(provider, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            throw new InvalidOperationException($"Database:Provider is '{provider}'; use Sqlite or PostgreSql.");
        try
        {
            return DatabaseConnection.For(parsed, connectionString, PostgreSqlMigrations.Assembly);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:ProcessEngine is not a valid {parsed} connection string: {ex.Message}", ex);
        }
    }
}
