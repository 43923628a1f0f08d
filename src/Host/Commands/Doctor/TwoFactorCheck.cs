namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>An admin manages accounts and roles: a list of roles that must use a second factor and leaves Admin out is likely a slip.</summary>
public sealed class TwoFactorCheck : IDoctorCheck
{
    private const string Area = "Second factor";
    private const string Key = "SignIn:TwoFactor:RequiredForRoles";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var section = context.Configuration.GetSection(Key);
        DoctorFinding finding;
        if (!section.Exists()) finding = DoctorFinding.Ok(Area, $"{Key} not set: the host's default applies.");
        else
        {
            // As a list (…:0=Admin) or one comma-separated value.
            var roles = section.GetChildren().Select(c => c.Value).Append(section.Value).OfType<string>()
                .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            finding = roles.Contains(HostStore.Identity.Roles.Admin, StringComparer.OrdinalIgnoreCase)
                ? DoctorFinding.Ok(Area, $"{Key}: {string.Join(", ", roles)}.")
                : DoctorFinding.Warning(Area, $"{Key} is set ({(roles.Count == 0 ? "empty" : string.Join(", ", roles))}) and leaves out Admin: an admin signs in with a password alone.",
                    "add Admin, e.g. SignIn__TwoFactor__RequiredForRoles__0=Admin.");
        }
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
