using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// Base of every activity. An instance is created once per activity node when a flow version is compiled,
/// and is shared by all running instances of that version: keep per-run state in the
/// <see cref="ActivityContext"/> (variables, bookmarks), never in fields.
/// </summary>
public abstract class Activity
{
    /// <summary>The node id in the flow file.</summary>
    public string Id { get; internal set; } = "";
    public string Type { get; internal set; } = "";
    public string? DisplayName { get; internal set; }

    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    /// <summary>Called when the bookmark this activity created is resumed; by default it completes with "Done".</summary>
    public virtual ValueTask<ActivityResult> ResumeAsync(ActivityContext context, ResumeInput resume) =>
        ValueTask.FromResult(ActivityResult.Done);

    public override string ToString() => $"{Type} '{Id}'";
}
