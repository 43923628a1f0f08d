using Microsoft.AspNetCore.Identity;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// `account reset-second-factor &lt;user name&gt;`: for someone who lost both the phone and the recovery codes. Run on
/// the server by whoever runs it (there is no screen for accounts, and a second factor that any admin could switch
/// off from a browser would protect little): the factor is switched off, its key and recovery codes are replaced, and
/// the account's sessions end. When the role requires a second factor, the next sign-in sets up a new one before
/// anything else. Audited as `auth.2fa` with the operating-system user who ran it. Exit code 0 when reset, 1 otherwise.
/// </summary>
public static class AccountCommand
{
    private const string Usage = "usage: account reset-second-factor <user name> [--ConnectionStrings:ProcessEngine=<connection string>] [--Audit:KeyFile=<file>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var (words, configurationArgs) = CommandServices.Split(args);
        if (words is not ["reset-second-factor", var userName] || userName.StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine(Usage);
            return 1;
        }
        try
        {
            var configuration = CommandServices.Configuration(configurationArgs);
            var collection = new ServiceCollection().AddLogging();
            collection.AddIdentityCore<AppUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<HostDbContext>();
            await using var services = CommandServices.Build(configuration, collection);
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(userName) is not { } user)
            {
                output.WriteLine($"No account '{userName}'.");
                return 1;
            }
            var wasOn = user.TwoFactorEnabled;
            await users.SetTwoFactorEnabledAsync(user, false);
            var recoveryCodes = (IUserTwoFactorRecoveryCodeStore<AppUser>)scope.ServiceProvider.GetRequiredService<IUserStore<AppUser>>();
            await recoveryCodes.ReplaceCodesAsync(user, [], CancellationToken.None);
            // A new key (the lost phone's codes stop working) and a new security stamp (every session of the account ends).
            await users.ResetAuthenticatorKeyAsync(user);
            await services.GetRequiredService<AuditLog>().AppendAsync(new AuditRecord("auth.2fa", AuditAction.Update, AuditOutcome.Success,
                $"opdrachtregel:{Environment.UserName}", null, null, Auditing.Auditor.PurposeAccess, null, $"teruggezet voor {user.UserName}"));
            output.WriteLine($"The second factor of {user.UserName} is reset ({(wasOn ? "it was on" : "it was not on")}); its sessions have ended. "
                + "If the role requires one, the next sign-in sets up a new one first.");
            return 0;
        }
        catch (Exception ex) when (ex is AuditKeyException or InvalidOperationException or System.Data.Common.DbException)
        {
            output.WriteLine($"Reset refused: {ex.Message}");
            return 1;
        }
    }
}
