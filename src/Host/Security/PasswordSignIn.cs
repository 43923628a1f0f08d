using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>Why signing in did not work: the message to show, and when a limit refused it, how long to wait.</summary>
public sealed record SignInRefusal(string Message, TimeSpan? RetryAfter = null, bool SecondFactorNeeded = false);

/// <summary>The second step: the code the authenticator app shows now, or one of the account's recovery codes.</summary>
public sealed record SecondFactor(string? Code, string? RecoveryCode)
{
    public bool IsGiven => !string.IsNullOrWhiteSpace(Code) || !string.IsNullOrWhiteSpace(RecoveryCode);
}

/// <summary>
/// Signing in with a user name and password and signing out, shared by the API and the sign-in page so
/// that both limit, lock out, audit and answer alike.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, Auditor audit, PasswordCheckGate gate, SignInThrottle throttle,
    IPasswordHasher<AppUser> hasher, AuditKeys keys, SmartLockout lockout)
{
    // One message for a wrong name and a wrong password, so that nobody can probe which accounts exist.
    public const string WrongMessage = "Gebruikersnaam of wachtwoord onjuist.";
    public const string LockedOutMessage = "Te veel mislukte pogingen: dit account is tijdelijk geblokkeerd.";
    public const string ThrottledMessage = "Te veel aanmeldpogingen: probeer het over enkele minuten opnieuw.";
    public const string CodeNeededMessage = "Geef de code uit uw authenticator-app, of een herstelcode.";
    public const string WrongCodeMessage = "Deze code klopt niet (of is al gebruikt).";

    // A hash of a password nobody knows, checked when the name matches no account, so that answer takes as long
    // as a wrong password for a real account (the check is the slow part) and timing tells nothing.
    private static readonly Lazy<string> Decoy = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    /// <summary>
    /// Signs in with <paramref name="scheme"/> (the cookie or the bearer token) and audits the attempt;
    /// <paramref name="channel"/> says how ("cookie", "token", "aanmeldpagina"). Gives null on success,
    /// otherwise why not.
    /// </summary>
    /// With a second factor on, the password alone gives <see cref="SignInRefusal.SecondFactorNeeded"/>: the API then asks
    /// for <paramref name="factor"/> in the same call; the sign-in page goes on with <see cref="SecondStepAsync"/>.
    public async Task<SignInRefusal?> SignInAsync(string userName, string password, string scheme, string channel, string? sourceAddress,
        SecondFactor? factor = null)
    {
        // Asked for a made-up name too, so that both answers take the same way.
        var familiar = await lockout.IsFamiliarAsync(userName, sourceAddress);
        if (throttle.Refuse(sourceAddress, userName, familiar) is { } retryAfter)
        {
            await RefusedAsync(userName, "te veel pogingen", sourceAddress);
            return new SignInRefusal(ThrottledMessage, retryAfter);
        }
        signIn.AuthenticationScheme = scheme;
        if (await signIn.UserManager.FindByNameAsync(userName) is not { } account)
        {
            await gate.RunAsync(() => Task.FromResult(hasher.VerifyHashedPassword(new AppUser(), Decoy.Value, password)));
            await RefusedAsync(userName, "onjuist", sourceAddress, known: false);
            return new SignInRefusal(WrongMessage);
        }
        if (!familiar && lockout.ShutsOutStrangers(account))
        {
            await RefusedAsync(userName, "geblokkeerd voor onbekende adressen", sourceAddress);
            return new SignInRefusal(LockedOutMessage);
        }
        // Only a familiar address's wrong passwords count towards the account's own lockout; a stranger's count apart.
        var result = await gate.RunAsync(() => signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: familiar));
        if (!result.Succeeded && !familiar && !result.IsLockedOut && !result.IsNotAllowed && !result.RequiresTwoFactor)
            await lockout.StrangerFailedAsync(account);
        if (result.RequiresTwoFactor)
            return factor is { IsGiven: true } ? await CodeAsync(userName, factor, channel, sourceAddress)
                : await SecondFactorNeededAsync(userName, sourceAddress);
        if (!result.Succeeded)
        {
            await RefusedAsync(userName, result.IsLockedOut ? "geblokkeerd" : "onjuist", sourceAddress);
            return new SignInRefusal(result.IsLockedOut ? LockedOutMessage : WrongMessage);
        }
        await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess,
            detail: channel, userName: userName, sourceAddress: sourceAddress);
        await lockout.SignedInAsync(userName, sourceAddress);
        return null;
    }

    /// <summary>
    /// The sign-in page's second step: the account whose password was right moments ago (a short-lived cookie of its own
    /// says which) and the code typed now. Limited and locked out like the password: each wrong code counts.
    /// </summary>
    public async Task<SignInRefusal?> SecondStepAsync(SecondFactor factor, string channel, string? sourceAddress)
    {
        signIn.AuthenticationScheme = Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { UserName: { } userName }) return new SignInRefusal(ExpiredStepMessage);
        if (throttle.Refuse(sourceAddress, userName, await lockout.IsFamiliarAsync(userName, sourceAddress)) is { } retryAfter)
        {
            await RefusedAsync(userName, "te veel pogingen", sourceAddress);
            return new SignInRefusal(ThrottledMessage, retryAfter);
        }
        return await CodeAsync(userName, factor, channel, sourceAddress);
    }

    public const string ExpiredStepMessage = "Het aanmelden duurde te lang: vul uw gebruikersnaam en wachtwoord opnieuw in.";

    private async Task<SignInRefusal?> CodeAsync(string userName, SecondFactor factor, string channel, string? sourceAddress)
    {
        var result = !string.IsNullOrWhiteSpace(factor.Code)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(TwoFactorSetup.Normalized(factor.Code), isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(TwoFactorSetup.NormalizedRecoveryCode(factor.RecoveryCode!));
        if (!result.Succeeded)
        {
            await RefusedAsync(userName, result.IsLockedOut ? "geblokkeerd" : "code onjuist", sourceAddress);
            return new SignInRefusal(result.IsLockedOut ? LockedOutMessage : WrongCodeMessage);
        }
        await audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess,
            detail: channel + (string.IsNullOrWhiteSpace(factor.Code) ? " + herstelcode" : " + code"), userName: userName, sourceAddress: sourceAddress);
        await lockout.SignedInAsync(userName, sourceAddress);
        return null;
    }

    // The password was right, which the log should show (a password known to someone else shows up here), but the
    // session has not begun.
    private async Task<SignInRefusal> SecondFactorNeededAsync(string userName, string? sourceAddress)
    {
        await RefusedAsync(userName, "wachtwoord juist, code gevraagd", sourceAddress);
        return new SignInRefusal(CodeNeededMessage, SecondFactorNeeded: true);
    }

    /// <summary>
    /// Ends every session of <paramref name="user"/>'s account, not only this browser's: the renewed security stamp
    /// refuses the other cookies, tokens and open screens at their next check. Audited.
    /// </summary>
    public async Task SignOutAsync(CurrentUser user)
    {
        if (await signIn.UserManager.FindByNameAsync(user.UserName) is { } account) await signIn.UserManager.UpdateSecurityStampAsync(account);
        await signIn.SignOutAsync();
        await audit.RecordAsync(user, "auth.signout", AuditAction.Execute, AuditOutcome.Success, Auditor.PurposeAccess);
    }

    private Task RefusedAsync(string userName, string why, string? sourceAddress, bool known = true) =>
        audit.RecordAsync(null, "auth.signin", AuditAction.Execute, AuditOutcome.Refused, Auditor.PurposeAccess,
            detail: why, userName: known ? Shorten(userName) : UnknownName(userName), sourceAddress: sourceAddress);

    /// <summary>
    /// A typed name that matches no account may be a password typed in the wrong field: the log keeps a keyed hash of
    /// it (the same name gives the same mark, so repeated tries still show), never the text.
    /// </summary>
    private string UnknownName(string typed) => "onbekend:" + keys.Sign(keys.CurrentKeyId, "aanmeldnaam:" + typed.Trim().ToUpperInvariant())[..12];

    // A refused name of an existing account is that account's name: keep the audit line short anyway.
    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64];
}
