using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// The same conditions the host refuses to start on outside Development (AccountSeeder), seen before the start: no demo
/// accounts asked for or left in the database, and an active admin or the settings that make the first one.
/// </summary>
public sealed class AccountsCheck : IDoctorCheck
{
    private const string Area = "Accounts";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var config = context.Configuration;
        var facts = context.Facts;
        var findings = new List<DoctorFinding>();
        if (config.GetValue<bool>("Accounts:CreateDemoAccounts"))
            findings.Add(DoctorFinding.Blocking(Area, "Accounts:CreateDemoAccounts is true: demo accounts have a public password (outside Development the host refuses to start).",
                "remove Accounts__CreateDemoAccounts (or set it to false)."));
        if (facts.DemoAccounts.Count > 0)
            findings.Add(DoctorFinding.Blocking(Area, $"the database holds the demo accounts {string.Join(", ", facts.DemoAccounts)}, whose password is public.",
                "start once with Accounts__RemoveDemoAccounts=true (outside Development) to delete them, audited."));
        else if (facts.State == DatabaseState.Read)
            findings.Add(DoctorFinding.Ok(Area, "no demo account in the database."));

        var adminName = config["Accounts:AdminUserName"];
        var firstAdminGiven = !string.IsNullOrWhiteSpace(adminName) && !string.IsNullOrWhiteSpace(config["Accounts:AdminPassword"]);
        if (facts.ActiveAdmins.Count > 0)
        {
            findings.Add(DoctorFinding.Ok(Area, $"active admin account(s): {string.Join(", ", facts.ActiveAdmins)}."));
            if (firstAdminGiven)
                findings.Add(DoctorFinding.Warning(Area, "Accounts:AdminPassword is still configured although an admin exists: a password lying in the configuration for nothing.",
                    "remove Accounts__AdminPassword now that the first start is done."));
        }
        else if (facts.State != DatabaseState.Unreachable) // an unreachable database is already blocking; what it holds is unknown
        {
            findings.Add(firstAdminGiven
                ? DoctorFinding.Ok(Area, $"no active admin yet; the next start makes {adminName} (Accounts:AdminUserName).")
                : DoctorFinding.Blocking(Area, "no active account in role Admin, and none configured for the first start (the host refuses to start).",
                    "set Accounts__AdminUserName and Accounts__AdminPassword (environment) for the first start."));
        }
        return Task.FromResult<IReadOnlyList<DoctorFinding>>(findings);
    }
}
