namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>How much a finding matters: a blocking one makes `doctor` exit 1.</summary>
public enum DoctorSeverity
{
    Ok,
    Warning,
    Blocking,
}

/// <summary>One line of the production check: what was found in an area, and the setting that changes it (empty when nothing to do).</summary>
public sealed record DoctorFinding(DoctorSeverity Severity, string Area, string Message, string Fix = "")
{
    public static DoctorFinding Ok(string area, string message) => new(DoctorSeverity.Ok, area, message);
    public static DoctorFinding Warning(string area, string message, string fix) => new(DoctorSeverity.Warning, area, message, fix);
    public static DoctorFinding Blocking(string area, string message, string fix) => new(DoctorSeverity.Blocking, area, message, fix);

    public string SeverityText => Severity switch
    {
        DoctorSeverity.Blocking => "BLOCKING",
        DoctorSeverity.Warning => "WARNING",
        _ => "OK",
    };

    /// <summary>The printed line: severity, area, what was found and, when there is one, the fix.</summary>
    public override string ToString() => $"{SeverityText,-8}  {Area}: {Message}" + (Fix.Length > 0 ? $" Fix: {Fix}" : "");
}

/// <summary>One area of the production check. Checks read configuration, files and the database, and never change any of them.</summary>
public interface IDoctorCheck
{
    Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct);
}
