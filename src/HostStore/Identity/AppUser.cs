using Microsoft.AspNetCore.Identity;

namespace ProcessEngine.HostStore.Identity;

/// <summary>
/// A person who signs in: a professional, chair, coordinator, manager or admin — never a family member.
/// The user name is what the engine knows (task assignee, inbrenger, completedBy).
/// </summary>
public sealed class AppUser : IdentityUser
{
    /// <summary>How colleagues see this person in the UI ("M. de Vries, CJG").</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>The organisation the person works for; it owns the casus they bring in.</summary>
    public string Organisatie { get; set; } = "";

    /// <summary>Extra candidate groups besides the roles, comma-separated (e.g. "RvdK" for the Raad's contact).</summary>
    public string Teams { get; set; } = "";

    /// <summary>Wrong passwords in a row from addresses this account never signed in from (see <see cref="SignInAddress"/>).</summary>
    public int StrangerFailures { get; set; }

    /// <summary>Until when unfamiliar addresses may not try this account; its familiar addresses and open sessions are unaffected.</summary>
    public DateTimeOffset? StrangerLockoutEnd { get; set; }

    public IReadOnlyList<string> TeamList =>
        Teams.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
