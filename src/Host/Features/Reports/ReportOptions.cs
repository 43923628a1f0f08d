using ProcessEngine.Host.Api;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>
/// Report settings (section "Reports"). A step's norm is how long an open task of that step may wait
/// before its traject counts as stuck: <c>Reports:StepNorms:{flow}/{step}</c> in days (appsettings.json
/// ships norms for the RVT flows' steps), every other step <see cref="StuckAfterDays"/>.
/// </summary>
public sealed class ReportOptions
{
    public int StuckAfterDays { get; set; } = 30;

    /// <summary>Days per step, keyed "flow-id/step-id" (e.g. "rvt-aanmelding/triage").</summary>
    public Dictionary<string, int> StepNorms { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What is wrong with the settings, in words; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (StuckAfterDays is < 1 or > 3650) problems.Add($"Reports:StuckAfterDays must be 1 to 3650 days, not {StuckAfterDays}.");
        foreach (var (key, days) in StepNorms)
        {
            if (key.Split('/') is not [{ Length: > 0 }, { Length: > 0 }]) problems.Add($"Reports:StepNorms key '{key}' must be 'flow-id/step-id'.");
            if (days is < 1 or > 3650) problems.Add($"Reports:StepNorms:{key} must be 1 to 3650 days, not {days}.");
        }
        return problems;
    }

    /// <summary>The norm in days for one step; <paramref name="everyStep"/> (an ad-hoc question: "what waits longer than N days?") replaces them all.</summary>
    public int NormFor(string definitionId, string activityId, int? everyStep = null) =>
        everyStep ?? (StepNorms.TryGetValue($"{definitionId}/{activityId}", out var days) ? days : StuckAfterDays);

    /// <summary>The norms as moments before <paramref name="now"/>; <paramref name="everyStep"/> replaces them all.</summary>
    public StuckRule Rule(DateTimeOffset now, int? everyStep = null) => everyStep is { } days
        ? new StuckRule([], now.AddDays(-days), now)
        : new StuckRule(
            [.. StepNorms.Select(n => n.Key.Split('/') is [var flow, var step] ? new StepNorm(flow, step, now.AddDays(-n.Value)) : null).OfType<StepNorm>()],
            now.AddDays(-StuckAfterDays), now);
}
