using System.Text;
using Microsoft.AspNetCore.Identity;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>Where an account stands with its second factor, as its owner sees it.</summary>
public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft, string? SharedKey, string? AuthenticatorUri);

/// <summary>
/// Setting up the second factor (a TOTP app: a shared key, shown as text and as a QR code), its recovery codes, and
/// turning it off where the role allows. Shared by the API and the set-up page. Every change needs a current code,
/// so a session left open does not let someone else move the factor to their phone. Each change is audited; turning
/// the factor on or off renews the account's stamp (Identity does so), which ends every session of it.
/// </summary>
public sealed class TwoFactorSetup(UserManager<AppUser> users, IUserStore<AppUser> store, TwoFactorRule rule, Auditor audit)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "ProcessEngine";

    public async Task<TwoFactorStatus> StatusAsync(AppUser user)
    {
        var required = rule.IsRequired(user, await users.GetRolesAsync(user));
        if (user.TwoFactorEnabled) return new TwoFactorStatus(true, required, await users.CountRecoveryCodesAsync(user), null, null);
        // The key stays the same until the factor is on, so a page reloaded while scanning shows the same code.
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not UserManager.ResetAuthenticatorKeyAsync: that renews the stamp, which would end the very session that is
            // setting the factor up. A first key changes nothing a session relies on; turning the factor on does.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorStatus(false, required, 0, Grouped(key!), uri);
    }

    /// <returns>The recovery codes (shown once), or null when the code is not the app's current one.</returns>
    public async Task<IReadOnlyList<string>?> EnableAsync(AppUser user, CurrentUser who, string code)
    {
        if (user.TwoFactorEnabled || !await IsCurrentCodeAsync(user, code)) return await RefusedAsync(who, "code onjuist");
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await RecordAsync(who, "ingesteld");
        return codes;
    }

    /// <returns>New recovery codes (the old ones stop working), or null when the code is not the app's current one.</returns>
    public async Task<IReadOnlyList<string>?> NewRecoveryCodesAsync(AppUser user, CurrentUser who, string code)
    {
        if (!user.TwoFactorEnabled || !await IsCurrentCodeAsync(user, code)) return await RefusedAsync(who, "code onjuist");
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
        await RecordAsync(who, "nieuwe herstelcodes");
        return codes;
    }

    public enum DisableResult { Disabled, WrongCode, Required }

    public async Task<DisableResult> DisableAsync(AppUser user, CurrentUser who, string code)
    {
        if (rule.IsRequired(user, await users.GetRolesAsync(user)))
        {
            await RefusedAsync(who, "uitzetten: verplicht voor de rol");
            return DisableResult.Required;
        }
        if (!user.TwoFactorEnabled || !await IsCurrentCodeAsync(user, code))
        {
            await RefusedAsync(who, "code onjuist");
            return DisableResult.WrongCode;
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key for a next set-up: the old one may be on a phone that was lost.
        await users.ResetAuthenticatorKeyAsync(user);
        await RecordAsync(who, "uitgezet");
        return DisableResult.Disabled;
    }

    private Task<bool> IsCurrentCodeAsync(AppUser user, string code) =>
        users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalized(code));

    /// <summary>What a person types: "123 456" or "123-456" is the code 123456.</summary>
    public static string Normalized(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>A recovery code as printed ("BCD7F-GH2JK"), its dash kept: typed in small letters or with spaces around it, it still counts.</summary>
    public static string NormalizedRecoveryCode(string code) => code.Trim().ToUpperInvariant();

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        return text.ToString().ToLowerInvariant();
    }

    private Task RecordAsync(CurrentUser who, string detail) =>
        audit.RecordAsync(who, "auth.2fa", AuditAction.Update, AuditOutcome.Success, Auditor.PurposeAccess, detail: detail);

    private async Task<IReadOnlyList<string>?> RefusedAsync(CurrentUser who, string detail)
    {
        await audit.RecordAsync(who, "auth.2fa", AuditAction.Update, AuditOutcome.Refused, Auditor.PurposeAccess, detail: detail);
        return null;
    }
}
