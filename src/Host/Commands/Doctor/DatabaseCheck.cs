namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>Whether the configured database could be read; the account and audit table checks build on it.</summary>
public sealed class DatabaseCheck : IDoctorCheck
{
    private const string Area = "Database";
    private const string Fix = "set ConnectionStrings__ProcessEngine (and Database__Provider) to the host's database, and make sure it can be reached.";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var facts = context.Facts;
        DoctorFinding finding = facts.State switch
        {
            DatabaseState.Unreachable => DoctorFinding.Blocking(Area, $"ConnectionStrings:ProcessEngine: {facts.Description}", Fix),
            DatabaseState.NotCreated => DoctorFinding.Warning(Area, $"{facts.Description}; what it will hold cannot be checked yet.",
                "if the host already ran, set ConnectionStrings__ProcessEngine to the database it used."),
            _ => DoctorFinding.Ok(Area, $"{facts.Description} read (read-only, nothing changed)."),
        };
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
