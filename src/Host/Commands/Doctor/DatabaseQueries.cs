using System.Data.Common;
using ProcessEngine.Data;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>The doctor's queries: plain SELECTs with quoted names, so one text serves SQLite and PostgreSQL.</summary>
internal sealed class DatabaseQueries(DbConnection connection, DatabaseProvider provider)
{
    public async Task<bool> HasTableAsync(string table, CancellationToken ct) => provider == DatabaseProvider.Sqlite
        ? await ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @name", ct, ("name", table)) is long and > 0
        : await ScalarAsync("SELECT to_regclass(@name) IS NOT NULL", ct, ("name", $"\"{table}\"")) is true;

    /// <summary>The demo accounts present, by AccountSeeder's own rule (its user name with its example.org address).</summary>
    public async Task<IReadOnlyList<string>> DemoAccountsAsync(CancellationToken ct)
    {
        var found = new List<string>();
        await using var command = Command("SELECT \"UserName\", \"Email\" FROM \"AspNetUsers\"");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (AccountSeeder.IsDemoAccount(name, reader.IsDBNull(1) ? null : reader.GetString(1))) found.Add(name!);
        }
        return found;
    }

    public async Task<IReadOnlyList<string>> ActiveAdminsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var found = new List<string>();
        await using var command = Command("""
            SELECT u."UserName", u."Email", u."LockoutEnd" FROM "AspNetUsers" u
            JOIN "AspNetUserRoles" ur ON ur."UserId" = u."Id" JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
            WHERE r."Name" = @role
            """, ("role", Roles.Admin));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (name is null || AccountSeeder.IsDemoAccount(name, reader.IsDBNull(1) ? null : reader.GetString(1))) continue;
            // Times are stored as ticks with the offset (TimeAsTicks); a lockout in the future means nobody can sign in with it now.
            var lockedOut = !reader.IsDBNull(2) && (DateTimeOffset)TimeAsTicks.Converter.ConvertFromProvider(reader.GetInt64(2))! > now;
            if (!lockedOut) found.Add(name);
        }
        return found;
    }

    public async Task<bool> HasAuditLinesAsync(CancellationToken ct) =>
        await ScalarAsync("SELECT 1 FROM \"AuditLog\" LIMIT 1", ct) is not null;

    /// <summary>
    /// The owner of AuditLog against the connecting role: the owner, a member of the owner role, or a superuser can
    /// disable or drop the append-only trigger.
    /// </summary>
    public async Task<AuditLogOwnership?> AuditLogOwnershipAsync(CancellationToken ct)
    {
        await using var command = Command("""
            SELECT pg_get_userbyid(c.relowner), current_user::text,
                   pg_has_role(current_user, c.relowner, 'MEMBER') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            FROM pg_class c WHERE c.oid = to_regclass('"AuditLog"')
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new AuditLogOwnership(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2));
    }

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
