namespace ProcessEngine.Workflows.Expressions;

/// <summary>Sandbox limits for flow expressions. Flows are written by coordinators, not trusted code.</summary>
public sealed class ExpressionOptions
{
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(500);
    public long MemoryLimitBytes { get; set; } = 8 * 1024 * 1024;
    public int MaxStatements { get; set; } = 50_000;
    public int MaxRecursionDepth { get; set; } = 64;
}
