namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// `doctor`: checks a production install against the configuration the host would read, and prints one line per
/// finding (BLOCKING, WARNING, OK) with the setting to change. Exit code 1 when anything blocks, else 0. It reads the
/// database read-only and never migrates or writes it.
/// </summary>
public static class DoctorCommand
{
    private const string Usage = "usage: doctor [--environment <name>] [--Section:Key=value ...]   (default environment: Production)";

    /// <summary>In the order an installer meets them: where it runs, who can sign in, how it is reached, then what keeps the data safe.</summary>
    public static IReadOnlyList<IDoctorCheck> Checks { get; } =
    [
        new EnvironmentCheck(), new DatabaseCheck(), new AccountsCheck(), new HttpsCheck(), new SmtpCheck(), new AuditKeyCheck(),
        new AuditCheckpointCheck(), new AuditTableOwnerCheck(), new BackupCheck(), new DataProtectionCheck(), new TwoFactorCheck(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args.Any(a => a is "--help" or "-h" or "help"))
        {
            output.WriteLine(Usage);
            return 0;
        }
        DoctorContext context;
        try
        {
            context = await DoctorContext.CreateAsync(args, TimeProvider.System, CancellationToken.None);
        }
        catch (FormatException ex)
        {
            output.WriteLine($"{Usage}\n{ex.Message}");
            return 1;
        }
        output.WriteLine($"ProcessEngine production check, environment {context.Environment}"
            + (context.EnvironmentGiven ? "" : " (the default for this command, which checks a production install; --environment <name> for another)") + ".");
        var findings = new List<DoctorFinding>();
        foreach (var check in Checks)
        {
            foreach (var finding in await RunAsync(check, context))
            {
                findings.Add(finding);
                output.WriteLine(finding);
            }
        }
        var blocking = findings.Count(f => f.Severity == DoctorSeverity.Blocking);
        var warnings = findings.Count(f => f.Severity == DoctorSeverity.Warning);
        output.WriteLine($"{blocking} blocking, {warnings} warning(s), {findings.Count - blocking - warnings} OK: "
            + (blocking > 0 ? "not ready for production." : warnings > 0 ? "ready, with the warnings above to weigh." : "ready."));
        return blocking > 0 ? 1 : 0;
    }

    /// <summary>A check that fails unexpectedly is itself a blocking finding, so one broken setting never hides the others.</summary>
    private static async Task<IReadOnlyList<DoctorFinding>> RunAsync(IDoctorCheck check, DoctorContext context)
    {
        try
        {
            return await check.RunAsync(context, CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException or ArgumentException)
        {
            return [DoctorFinding.Blocking(check.GetType().Name.Replace("Check", "", StringComparison.Ordinal), $"the check could not finish: {ex.Message}",
                "correct the setting it names and run doctor again.")];
        }
    }
}
