namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// The audit log is append-only by trigger; on PostgreSQL the table's owner (or a member of the owner role, or a
/// superuser) can disable that trigger, so the host runs as a role granted only SELECT, INSERT on it.
/// </summary>
public sealed class AuditTableOwnerCheck : IDoctorCheck
{
    private const string Area = "Audit table";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var facts = context.Facts;
        DoctorFinding? finding = !context.IsPostgreSql
            ? DoctorFinding.Ok(Area, "SQLite: who may write the AuditLog table is who may write the file; keep data/ for the host's user only (chmod 700 data).")
            : facts.State == DatabaseState.Unreachable ? null
            : facts.AuditLogOwnership is not { } ownership
                ? DoctorFinding.Warning(Area, "no AuditLog table yet: after the first (migrating) start under the owner role, the host must run as another role.",
                    "then set ConnectionStrings__ProcessEngine to a role granted only SELECT, INSERT on \"AuditLog\" by deploy/postgres-host-role.sql (README, \"Who may write the table\").")
            : ownership.CanAlter
                ? DoctorFinding.Blocking(Area, $"the connecting role {ownership.CurrentUser} can alter AuditLog (owner {ownership.Owner}): it can disable the append-only trigger.",
                    "set ConnectionStrings__ProcessEngine to a role granted only SELECT, INSERT on \"AuditLog\" by deploy/postgres-host-role.sql; migrate with the owner role (README, \"Who may write the table\").")
            : DoctorFinding.Ok(Area, $"AuditLog is owned by {ownership.Owner}, not by the connecting role {ownership.CurrentUser}.");
        return Task.FromResult<IReadOnlyList<DoctorFinding>>(finding is null ? [] : [finding]);
    }
}
