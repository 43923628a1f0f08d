using Npgsql;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

/// <summary>
/// The multi-node database. Statements the engine repeats on every step are prepared automatically per
/// pooled connection, and a command may wait for a row lock a little while (another node committing the
/// same instance) before the store reports the lost race.
/// </summary>
public static class PostgreSqlSetup
{
    public static string Normalise(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "ProcessEngine";
        return builder.ToString();
    }
}
