using Microsoft.AspNetCore.SignalR;
using ProcessEngine.Host.Live;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Pushes task changes from the bus to the inboxes connected to this node's hub that show the task: its
/// holder, or else its candidate group (the message names them). A push is a courtesy (a client that missed
/// one refetches on reconnect), so it is not stored. SignalR does not merge groups, so a person reached
/// through two of them hears twice; only a change of hands addresses two groups. A resync goes to every
/// connection: this node may have missed changes, and nobody knows whose.
/// </summary>
public sealed class TaskPushes(IHubContext<TaskHub, ITaskClient> hub) : ITaskChangeSubscriber
{
    public Task DeliverAsync(TaskChangeMessage message, CancellationToken ct)
    {
        var push = new TaskPush(message.TaskId, message.CasusCode, message.Kind);
        if (message.IsResync) return hub.Clients.All.TaskChanged(push);
        List<string> groups = [];
        if (message.PushUser is { } user) groups.Add(TaskHub.ForUser(user));
        if (message.PushGroup is { } group) groups.Add(TaskHub.ForGroup(group));
        return groups.Count == 0 ? Task.CompletedTask : hub.Clients.Groups(groups).TaskChanged(push);
    }
}
