using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// Signing in with a user name and password and signing out, shared by the API and the sign-in page so
/// that both lock out, audit and answer alike.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, Auditor audit, PasswordCheckGate gate)
{
    // One message for a wrong name and a wrong password, so that nobody can probe which accounts exist.
    public const string WrongMessage = "Gebruikersnaam of wachtwoord onjuist.";
    public const string LockedOutMessage = "Te veel mislukte pogingen: dit account is tijdelijk geblokkeerd.";

    /// <summary>
    /// Signs in with <paramref name="scheme"/> (the cookie or the bearer token) and audits the attempt;
    /// <paramref name="channel"/> says how ("cookie", "token", "aanmeldpagina"). Gives null on success,
    /// otherwise the message to show.
    /// </summary>
    public async Task<string?> SignInAsync(string userName, string password, string scheme, string channel, string? sourceAddress)
    {
        signIn.AuthenticationScheme = scheme;
        var result = await gate.RunAsync(() => signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true));
        if (!result.Succeeded)
        {
            await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Refused, Auditor.PurposeAccess,
                detail: result.IsLockedOut ? "geblokkeerd" : "onjuist", userName: Shorten(userName), sourceAddress: sourceAddress);
            return result.IsLockedOut ? LockedOutMessage : WrongMessage;
        }
        await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess,
            detail: channel, userName: userName, sourceAddress: sourceAddress);
        return null;
    }

    /// <summary>Ends the cookie sign-in of <paramref name="user"/> and audits it.</summary>
    public async Task SignOutAsync(CurrentUser user)
    {
        await signIn.SignOutAsync();
        await audit.RecordAsync(user, "auth.signout", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess);
    }

    // A refused name is whatever someone typed: keep the audit line short.
    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64];
}
