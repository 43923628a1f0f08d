namespace ProcessEngine.HostStore.Identity;

/// <summary>
/// An address an account signed in from (password and, where required, the second step) lately: a familiar address.
/// Wrong passwords from a familiar address count towards the account's own lockout; those from anywhere else lock out only
/// the unfamiliar addresses (<see cref="AppUser.StrangerLockoutEnd"/>), so that nobody elsewhere can lock the chair out of
/// their own desk. The address itself is not kept: a keyed mark of it (an IP address is personal data).
/// </summary>
public sealed class SignInAddress
{
    /// <summary>The account's normalized user name.</summary>
    public string UserName { get; set; } = "";

    /// <summary>Keyed hash of the source address.</summary>
    public string AddressMark { get; set; } = "";

    public DateTimeOffset FirstSignInAt { get; set; }
    public DateTimeOffset LastSignInAt { get; set; }
}
