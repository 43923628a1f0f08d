namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>Development makes demo accounts when asked and shows the developer exception page: never for a production install.</summary>
public sealed class EnvironmentCheck : IDoctorCheck
{
    private const string Area = "Environment";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        DoctorFinding finding = string.Equals(context.Environment, "Development", StringComparison.OrdinalIgnoreCase)
            ? DoctorFinding.Blocking(Area, "the environment is Development: demo accounts (public password) can be made and developer pages show internals.",
                "set ASPNETCORE_ENVIRONMENT=Production (and drop --environment Development).")
            : DoctorFinding.Ok(Area, context.EnvironmentGiven ? $"the environment is {context.Environment}."
                : $"no environment given: checked as {DoctorContext.DefaultEnvironment}, which is what the host runs as without ASPNETCORE_ENVIRONMENT.");
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }
}
