using System.Reflection;
using ProcessEngine.Data;

namespace ProcessEngine.Migrations.PostgreSql;

/// <summary>
/// The PostgreSQL migrations of the engine's, the domain's and the host's contexts live in this assembly;
/// whoever composes the application connects through here, so no project below it names this assembly.
/// </summary>
public static class PostgreSqlMigrations
{
    public static Assembly Assembly => typeof(PostgreSqlMigrations).Assembly;

    public static DatabaseConnection Connect(string connectionString) => DatabaseConnection.PostgreSql(connectionString, Assembly);
}
