using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ProcessEngine.Host.Extensions;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// At start-up: the roles exist; in Development, and only when asked for (Accounts:CreateDemoAccounts), the demo
/// accounts (one per role, public password) exist. Any other environment (Production, Staging, Acceptatie, Test)
/// refuses to start while asked for them, while the database still holds one (a start in Development left it;
/// Accounts:RemoveDemoAccounts deletes them), or without an admin.
/// </summary>
public sealed class AccountSeeder(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<AccountOptions> options,
    IHostEnvironment environment, Auditing.Auditor audit, ILogger<AccountSeeder> logger)
{
    /// <summary>The demo accounts (README lists them; one per role, and a second coordinator): user name, display name, organisation, roles, teams. Each gets the e-mail address <see cref="DemoEmail"/>.</summary>
    public static IReadOnlyList<(string UserName, string DisplayName, string Organisatie, string[] Roles, string Teams)> DemoAccounts { get; } =
    [
        ("coordinator", "Coördinator (demo)", "Regio", [Roles.Coordinator], ""),
        ("voorzitter", "Voorzitter RVT (demo)", "RVT", [Roles.RvtChair], ""),
        ("rvtlid", "Lid RVT (demo)", "RVT", [Roles.RvtMember], ""),
        ("prof1", "Professional CJG (demo)", "CJG", [Roles.Professional], ""),
        ("prof2", "Professional wijkteam (demo)", "Wijkteam", [Roles.Professional], ""),
        ("jeugdbeschermer", "Jeugdbeschermer GI (demo)", "GI", [Roles.Jeugdbeschermer], ""),
        ("ervaringsdeskundige", "Ervaringsdeskundige (demo)", "Regio", [Roles.Ervaringsdeskundige], ""),
        ("raad", "Contactpersoon Raad voor de Kinderbescherming (demo)", "RvdK", [Roles.Professional], "RvdK"),
        ("manager", "Manager (demo)", "Regio", [Roles.Manager], ""),
        ("beheerder", "Beheerder (demo)", "Regio", [Roles.Admin], ""),
        // Publishing a flow takes two coordinators or admins (four eyes): a second one to approve what the first offered.
        ("coordinator2", "Tweede coördinator (demo)", "Regio", [Roles.Coordinator], ""),
    ];

    /// <summary>A demo account's e-mail address: example.org is reserved, so a misdirected prompt reaches nobody.</summary>
    public static string DemoEmail(string userName) => $"{userName}@example.org";

    /// <summary>
    /// Whether an account is a demo account: a demo user name with its demo address (a real colleague who happens to be
    /// called "manager" is not one). The start-up refusal, the second-factor rule and `doctor` hold accounts against this one rule.
    /// </summary>
    public static bool IsDemoAccount(string? userName, string? email) =>
        userName is not null && DemoAccounts.Any(demo => string.Equals(demo.UserName, userName, StringComparison.OrdinalIgnoreCase))
        && string.Equals(email, DemoEmail(userName), StringComparison.OrdinalIgnoreCase);

    public static bool IsDemoAccount(AppUser user) => IsDemoAccount(user.UserName, user.Email);

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        var settings = options.Value;
        if (settings.AdminUserName is { Length: > 0 } adminName && settings.AdminPassword is { Length: > 0 } adminPassword)
            await EnsureAsync(adminName, "Beheerder", "Regio", [Roles.Admin], "", adminPassword, email: null);

        if (environment.IsDevelopment())
        {
            if (!settings.CreateDemoAccounts)
            {
                logger.LogInformation("No demo accounts: start with --Accounts:CreateDemoAccounts=true to have one per role");
                return;
            }
            foreach (var demo in DemoAccounts)
                await EnsureAsync(demo.UserName, demo.DisplayName, demo.Organisatie, demo.Roles, demo.Teams, settings.DemoPassword, DemoEmail(demo.UserName));
            return;
        }
        var name = environment.EnvironmentName;
        if (settings.CreateDemoAccounts)
            throw new StartRefusedException($"ProcessEngine refuses to start in {name} with Accounts:CreateDemoAccounts: demo accounts (public password) " +
                "are for Development only. Remove the setting.");
        await RemoveOrRefuseDemoAccountsAsync(name, settings.RemoveDemoAccounts);
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count == 0)
            throw new StartRefusedException($"ProcessEngine refuses to start in {name} without an admin: set Accounts__AdminUserName and " +
                "Accounts__AdminPassword (environment) for the first start.");
    }

    /// <summary>
    /// A database once started in Development may hold the demo accounts, the demo admin among them, with their public
    /// password: outside Development they are deleted when asked for (audited), else the start is refused.
    /// </summary>
    private async Task RemoveOrRefuseDemoAccountsAsync(string environmentName, bool remove)
    {
        var present = new List<AppUser>();
        foreach (var demo in DemoAccounts)
            if (await users.FindByNameAsync(demo.UserName) is { } user && IsDemoAccount(user))
                present.Add(user);
        if (present.Count == 0) return;
        var names = string.Join(", ", present.Select(u => u.UserName));
        if (!remove)
            throw new StartRefusedException($"ProcessEngine refuses to start in {environmentName}: this database holds the demo accounts {names}, " +
                "whose password is public. Start once with Accounts__RemoveDemoAccounts=true to delete them.");
        foreach (var user in present)
        {
            Check(await users.DeleteAsync(user), $"deletion of demo account {user.UserName}");
            await audit.RecordAsync(null, "account.delete", HostStore.Audit.AuditAction.Delete, HostStore.Audit.AuditOutcome.Success,
                Auditing.Auditor.PurposeManagement, detail: $"demo-account {user.UserName} verwijderd bij de start", userName: "systeem:start");
        }
        logger.LogWarning("Deleted the demo accounts {Accounts} ({Environment}, Accounts:RemoveDemoAccounts)", names, environmentName);
    }

    private async Task EnsureAsync(string userName, string displayName, string organisatie, string[] roleNames, string teams, string password,
        string? email)
    {
        if (await users.FindByNameAsync(userName) is { } existing)
        {
            // Demo accounts made before e-mail prompts existed get their address once.
            if (email is not null && string.IsNullOrEmpty(existing.Email))
            {
                existing.Email = email;
                Check(await users.UpdateAsync(existing), $"e-mail address of {userName}");
            }
            return;
        }
        var user = new AppUser
        {
            UserName = userName, Email = email, DisplayName = displayName, Organisatie = organisatie, Teams = teams, LockoutEnabled = true,
        };
        Check(await users.CreateAsync(user, password), $"account {userName}");
        Check(await users.AddToRolesAsync(user, roleNames), $"roles of {userName}");
        logger.LogInformation("Account {User} created with role(s) {Roles}", userName, string.Join(", ", roleNames));
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
