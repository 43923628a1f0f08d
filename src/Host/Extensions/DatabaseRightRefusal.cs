using Npgsql;
using ProcessEngine.Data;

namespace ProcessEngine.Host.Extensions;

/// <summary>
/// A start on PostgreSQL whose role may not do what preparing the database asks. The host runs under a role that owns no
/// table (README, "Who may write the table"): such a role can neither apply a new version's migrations (EF's or
/// Hangfire's) nor use a table the DBA has not granted it yet. Both are fixed the same way, so the operator gets that one
/// line instead of a stack trace that ends in "permission denied for schema public".
/// </summary>
public static class DatabaseRightRefusal
{
    /// <summary>The permission error somewhere in <paramref name="error"/>'s chain, or null when it is another failure (or none).</summary>
    public static PostgresException? Find(Exception? error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied) return denied;
        return null;
    }

    public static StartRefusedException For(PostgresException denied, DatabaseConnection database)
    {
        var role = new NpgsqlConnectionStringBuilder(database.ConnectionString).Username;
        return new StartRefusedException(
            $"ProcessEngine cannot prepare the database as role {role}: {denied.MessageText}. A role that does not own the tables " +
            "cannot apply this version's migrations, nor use a table it was not granted: start this version once with the owner " +
            $"role's connection string (it migrates; stop it), then run deploy/postgres-host-role.sql for {role} again " +
            "(README, \"Who may write the table\").");
    }
}
