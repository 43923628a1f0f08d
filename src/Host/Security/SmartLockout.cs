using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Security;

/// <summary>How long an address stays familiar after the last sign-in from it.</summary>
public sealed class SmartLockoutOptions
{
    public TimeSpan FamiliarFor { get; set; } = TimeSpan.FromDays(90);
}

/// <summary>
/// Lockout that a stranger cannot turn against the account holder. Wrong passwords from an address the account signed in from
/// lately (a familiar address) count towards the account's own lockout, as before. Wrong passwords from any other address count
/// apart and, at the same limit, shut out only unfamiliar addresses for the same time: the chair at their own desk still signs
/// in, and their open sessions go on (an account lockout ends sessions; this does not). Per node the user-name rate limit
/// (<see cref="SignInThrottle"/>) also spares familiar addresses. State is in the database, so every node counts alike.
/// </summary>
public sealed class SmartLockout(IDbContextFactory<HostDbContext> contexts, IOptions<IdentityOptions> identity, IOptions<SmartLockoutOptions> options,
    AuditKeys keys, TimeProvider clock)
{
    /// <summary>Whether the account (by name as typed) signed in from this address within the familiar period.</summary>
    public async Task<bool> IsFamiliarAsync(string userName, string? sourceAddress)
    {
        if (sourceAddress is null) return false;
        var (name, mark, since) = (Normalize(userName), Mark(sourceAddress), clock.GetUtcNow() - options.Value.FamiliarFor);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.SignInAddresses.AnyAsync(a => a.UserName == name && a.AddressMark == mark && a.LastSignInAt > since);
    }

    /// <summary>Whether unfamiliar addresses are shut out of this account now.</summary>
    public bool ShutsOutStrangers(AppUser account) => account.StrangerLockoutEnd > clock.GetUtcNow();

    /// <summary>A wrong password from an unfamiliar address: counted (atomically, nodes may race), and at the limit strangers are shut out.</summary>
    public async Task StrangerFailedAsync(AppUser account)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var users = db.Users.Where(u => u.Id == account.Id);
        await users.ExecuteUpdateAsync(s => s.SetProperty(u => u.StrangerFailures, u => u.StrangerFailures + 1));
        var lockout = identity.Value.Lockout;
        var until = clock.GetUtcNow() + lockout.DefaultLockoutTimeSpan;
        await users.Where(u => u.StrangerFailures >= lockout.MaxFailedAccessAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.StrangerFailures, 0).SetProperty(u => u.StrangerLockoutEnd, until));
    }

    /// <summary>A complete sign-in (password and, where asked, the second step): the address becomes or stays familiar.</summary>
    public async Task SignedInAsync(string userName, string? sourceAddress)
    {
        if (sourceAddress is null) return;
        var (name, mark, now) = (Normalize(userName), Mark(sourceAddress), clock.GetUtcNow());
        await using var db = await contexts.CreateDbContextAsync();
        var known = await db.SignInAddresses.FirstOrDefaultAsync(a => a.UserName == name && a.AddressMark == mark);
        if (known is null) db.SignInAddresses.Add(new SignInAddress { UserName = name, AddressMark = mark, FirstSignInAt = now, LastSignInAt = now });
        else known.LastSignInAt = now;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another node recorded the same address at the same moment: it is familiar either way.
        }
        // As the account's own count starts again after a sign-in, so does the strangers' count.
        await db.Users.Where(u => u.NormalizedUserName == name && u.StrangerFailures > 0).ExecuteUpdateAsync(s => s.SetProperty(u => u.StrangerFailures, 0));
        var forgotten = now - options.Value.FamiliarFor;
        await db.SignInAddresses.Where(a => a.UserName == name && a.LastSignInAt <= forgotten).ExecuteDeleteAsync();
    }

    private static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    // A keyed hash, as the audit log marks an unknown typed name: equal addresses give equal marks, the address is not kept.
    private string Mark(string address) => keys.Sign(keys.CurrentKeyId, "aanmeldadres:" + address)[..32];
}
