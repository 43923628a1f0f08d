using ProcessEngine.Host.Prompts;

namespace ProcessEngine.Host.Live;

/// <summary>
/// One task change as it travels to the screens of every node: ids and addressing, never casus content
/// (the casus code is the generated code the pushes already carry). <paramref name="Assignee"/> and
/// <paramref name="CandidateGroup"/> are what the notification said (the Blazor screens filter on them);
/// <paramref name="PushUser"/> and <paramref name="PushGroup"/> are the inboxes the hub pushes to, worked out
/// on the committing node because only there the completed task's row is read once for all nodes.
/// </summary>
public sealed record TaskChangeMessage(string Kind, Guid TaskId, string? CasusCode, string? Assignee, string? CandidateGroup,
    string? PushUser, string? PushGroup)
{
    /// <summary>Changes may have been missed (the listener was disconnected): every screen re-reads everything.</summary>
    public static TaskChangeMessage Resync { get; } = new(TaskPush.Resync, Guid.Empty, null, null, null, null, null);

    public bool IsResync => Kind == TaskPush.Resync;
}
