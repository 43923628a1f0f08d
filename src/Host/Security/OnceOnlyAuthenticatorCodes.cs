using Microsoft.AspNetCore.Identity;
using OtpNet;
using ProcessEngine.HostStore.Identity;

namespace ProcessEngine.Host.Security;

/// <summary>
/// The authenticator-app codes (RFC 6238), each good once. Identity's own provider accepts a code as often as it is
/// typed within its window of about two minutes, so a code read over a shoulder or from a screen share signs in a
/// second time. This one remembers the last 30-second step it accepted per account and refuses that step and any
/// earlier one; the mark is written through the user store, whose concurrency stamp lets only one of two simultaneous
/// sign-ins with the same code win.
/// </summary>
public sealed class OnceOnlyAuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    private const string LoginProvider = "ProcessEngine", LastStepName = "LaatsteCodeStap";

    /// <summary>Two steps either side, as Identity allows: a phone's clock may run a minute off.</summary>
    private static readonly VerificationWindow Skew = new(previous: 2, future: 2);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, Skew)) return false;

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        if (long.TryParse(last, out var lastStep) && step <= lastStep) return false;
        var marked = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return marked.Succeeded;
    }
}
