using Npgsql;

namespace ProcessEngine.Data;

/// <summary>
/// The multi-node database. Statements repeated on every step are prepared automatically per pooled
/// connection, and the application names itself so an operator can tell its sessions apart.
/// </summary>
public static class PostgreSqlConnectionSetup
{
    public static string Normalise(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 64;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = "ProcessEngine";
        return builder.ToString();
    }
}
