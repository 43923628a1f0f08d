using Microsoft.AspNetCore.Identity;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Access;

/// <summary>An account someone named to work on a casus, as the account is named (not as typed), with its roles and teams.</summary>
public sealed record ActiveAccount(string Name, IReadOnlySet<string> Groups);

/// <summary>
/// Finds the account a person names when they hand work or a casus to someone (a task's new holder, a duo partner): it must exist
/// and not be locked out. What the account may do is the caller's question, answered from <see cref="ActiveAccount.Groups"/>.
/// </summary>
public sealed class ActiveAccounts(IServiceScopeFactory scopes)
{
    public async Task<(ActiveAccount? Account, string? Problem)> FindAsync(string typed)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync(typed.Trim()) is not { UserName: { } name } account) return (null, $"Er is geen gebruiker '{typed.Trim()}'.");
        if (await users.IsLockedOutAsync(account)) return (null, $"Het account {name} is geblokkeerd: kies iemand die het werk nu kan doen.");
        return (new ActiveAccount(name, (await users.GetRolesAsync(account)).Concat(account.TeamList).ToHashSet(StringComparer.Ordinal)), null);
    }
}
