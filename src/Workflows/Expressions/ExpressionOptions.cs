namespace ProcessEngine.Workflows.Expressions;

/// <summary>Sandbox limits for flow expressions. Flows are written by coordinators, not trusted code.</summary>
public sealed class ExpressionOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long one regular expression match may run. <see cref="Timeout"/> is checked between statements, so it cannot
    /// stop a single match that backtracks catastrophically (<c>/(a+)+$/.test('aaaa…!')</c>); this stops the match itself.
    /// </summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(200);
    public long MemoryLimitBytes { get; set; } = 8 * 1024 * 1024;
    public int MaxStatements { get; set; } = 50_000;
    public int MaxRecursionDepth { get; set; } = 64;
}
