using Mediator;
using ProcessEngine.Host.Prompts;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Live;

/// <summary>
/// The one way from the engine's task notifications (published after commit) to the screens: each becomes
/// a <see cref="TaskChangeMessage"/> on the bus, which reaches the hub and the Blazor screens of every node.
/// </summary>
public sealed class TaskChangePublisher(ITaskChangeBus bus, IWorkflowStore store) :
    INotificationHandler<TaskCreated>, INotificationHandler<TaskAssigned>, INotificationHandler<TaskCompleted>
{
    /// <summary>A held task is pushed to its holder only; an offered one to its group.</summary>
    public async ValueTask Handle(TaskCreated n, CancellationToken ct) => await bus.PublishAsync(new(TaskPush.Created,
        n.TaskId, n.CorrelationId, n.Assignee, n.CandidateGroup, n.Assignee, n.Assignee is null ? n.CandidateGroup : null), ct);

    /// <summary>The new holder and the group both hear: the task moves between "mine" and "my team's".</summary>
    public async ValueTask Handle(TaskAssigned n, CancellationToken ct) => await bus.PublishAsync(new(TaskPush.Assigned,
        n.TaskId, n.CorrelationId, n.Assignee, n.CandidateGroup, n.Assignee, n.CandidateGroup), ct);

    public async ValueTask Handle(TaskCompleted n, CancellationToken ct)
    {
        // The notification names who completed it, not whose inbox showed it: the task row says.
        var task = await store.FindTaskAsync(n.TaskId, ct);
        var holder = task is null ? n.CompletedBy : task.Assignee ?? (task.CandidateGroup is null ? n.CompletedBy : null);
        await bus.PublishAsync(new(TaskPush.Completed, n.TaskId, n.CorrelationId, null, null, holder, holder is null ? task?.CandidateGroup : null), ct);
    }
}
