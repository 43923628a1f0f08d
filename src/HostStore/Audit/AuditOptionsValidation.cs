using Microsoft.Extensions.Options;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// A checkpoint setting that cannot work stops the start, naming the setting, rather than leaving the log without
/// checkpoints unseen: a syslog endpoint that is no udp:// or tcp:// address with a port, or an interval that is not
/// larger than zero (the periodic writer's timer would throw in the background).
/// </summary>
public sealed class AuditOptionsValidation : IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var checkpoints = options.Checkpoints;
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(checkpoints.Syslog) && SyslogEndpoint.Parse(checkpoints.Syslog, out var problem) is null)
            problems.Add(problem!);
        var enabled = !string.IsNullOrEmpty(checkpoints.Path) || !string.IsNullOrWhiteSpace(checkpoints.Syslog);
        if (enabled && checkpoints.Interval <= TimeSpan.Zero)
            problems.Add($"Audit:Checkpoints:Interval is {checkpoints.Interval}; it must be larger than zero.");
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
