using System.Diagnostics;

namespace ProcessEngine.Workflows.Diagnostics;

/// <summary>
/// The engine's spans (source <see cref="SourceName"/>): a pass's commit and the timer jobs, so a trace shows where a
/// user's request or a background job spent its time. Like the metrics, they carry ids and kinds, never instance data.
/// </summary>
public static class EngineTracing
{
    public const string SourceName = "ProcessEngine.Engine";

    public static ActivitySource Source { get; } = new(SourceName);
}
