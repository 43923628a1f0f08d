using Mediator;
using Microsoft.AspNetCore.SignalR;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Pushes task changes to the inboxes that show the task: its holder, or else its candidate group. A push
/// is a courtesy (a client that missed one refetches on reconnect), so it is not stored; a failure is
/// logged by the engine's notification dispatcher. SignalR does not merge groups, so a person reached
/// through two of them hears twice; only a change of hands addresses two groups.
/// </summary>
public sealed class TaskPushes(IHubContext<TaskHub, ITaskClient> hub, IWorkflowStore store)
    : INotificationHandler<TaskCreated>, INotificationHandler<TaskAssigned>, INotificationHandler<TaskCompleted>
{
    public async ValueTask Handle(TaskCreated n, CancellationToken ct) =>
        await Audience(n.Assignee, n.Assignee is null ? n.CandidateGroup : null).TaskChanged(new TaskPush(n.TaskId, n.CorrelationId, TaskPush.Created));

    /// <summary>The new holder and the group both hear: the task moves between "mine" and "my team's".</summary>
    public async ValueTask Handle(TaskAssigned n, CancellationToken ct) =>
        await Audience(n.Assignee, n.CandidateGroup).TaskChanged(new TaskPush(n.TaskId, n.CorrelationId, TaskPush.Assigned));

    public async ValueTask Handle(TaskCompleted n, CancellationToken ct)
    {
        // The notification names who completed it, not whose inbox showed it: the task row says.
        var task = await store.FindTaskAsync(n.TaskId, ct);
        var holder = task is null ? n.CompletedBy : task.Assignee ?? (task.CandidateGroup is null ? n.CompletedBy : null);
        await Audience(holder, holder is null ? task?.CandidateGroup : null).TaskChanged(new TaskPush(n.TaskId, n.CorrelationId, TaskPush.Completed));
    }

    private ITaskClient Audience(string? user, string? group)
    {
        List<string> groups = [];
        if (user is not null) groups.Add(TaskHub.ForUser(user));
        if (group is not null) groups.Add(TaskHub.ForGroup(group));
        return hub.Clients.Groups(groups);
    }
}
