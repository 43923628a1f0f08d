using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Who holds a task: claiming a team's task, giving it back, handing it to someone else. Each change is
/// version-checked like a completion, so a claim that races a completion or another claim either wins
/// whole or hears "already handled". Each takes the caller's part to commit with the change (its audit line).
/// </summary>
public sealed partial class WorkflowRuntime
{
    /// <summary>Takes an unassigned task of one of <paramref name="groups"/>; claiming one's own task again changes nothing.</summary>
    public Task<ResumeResult> ClaimTaskAsync(Guid taskId, string user, IReadOnlyCollection<string> groups, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, task =>
        {
            if (task.Assignee == user) return new ResumeResult(ResumeOutcome.Resumed, task.InstanceId, Message: "Already yours.");
            if (task.Assignee is not null) return ResumeResult.AlreadyHandled($"Task '{task.Title}' was already claimed by {task.Assignee}.", task.InstanceId);
            if (task.Excludes(user)) return ResumeResult.Excluded(task, user);
            if (task.CandidateGroup is null || !groups.Contains(task.CandidateGroup))
                return ResumeResult.Rejected($"Task '{task.Title}' is for group {task.CandidateGroup ?? "(none)"}, which you are not in.", task.InstanceId);
            return null;
        }, (task, _) => task.Assign(user), user, alongside, ct);

    /// <summary>Gives a claimed task back to its group.</summary>
    public Task<ResumeResult> ReleaseTaskAsync(Guid taskId, string user, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, task =>
        {
            if (task.Assignee != user) return ResumeResult.AlreadyHandled($"Task '{task.Title}' is not yours to release.", task.InstanceId);
            if (task.CandidateGroup is null)
                return ResumeResult.Rejected($"Task '{task.Title}' has no group to go back to; reassign it instead.", task.InstanceId);
            return null;
        }, (task, _) => task.Assign(null), user, alongside, ct);

    /// <summary>Hands a task to another person (the caller decides who may do this).</summary>
    public Task<ResumeResult> ReassignTaskAsync(Guid taskId, string newAssignee, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, task => task.Assignee == newAssignee
            ? new ResumeResult(ResumeOutcome.Resumed, task.InstanceId, Message: $"Already with {newAssignee}.")
            : task.Excludes(newAssignee) ? ResumeResult.Excluded(task, newAssignee) : null, (task, _) => task.Assign(newAssignee), by, alongside, ct);

    /// <summary>
    /// Bewust vertragen: the holder takes more time on purpose, until <paramref name="until"/> (which must lie ahead), for a reason.
    /// The task's due moment becomes that moment; a task paused by the Stopknop is not slowed (the review decides first).
    /// </summary>
    public Task<ResumeResult> SlowTaskAsync(Guid taskId, DateTimeOffset until, string reason, string by, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default) =>
        ChangeTaskAsync(taskId, task =>
        {
            if (task.Status == UserTaskStatus.OnHold)
                return ResumeResult.Rejected($"Task '{task.Title}' is on hold with its traject (Stopknop).", task.InstanceId);
            if (until <= services.Clock.GetUtcNow())
                return ResumeResult.Rejected($"Task '{task.Title}' cannot be slowed until a moment that has passed.", task.InstanceId);
            return null;
        }, (task, changes) => { task.Slow(until, reason, by); changes.Facts.Add(EngineFacts.Slowed(task, services.Clock.GetUtcNow())); }, by, alongside, ct);

    private Task<ResumeResult> ChangeTaskAsync(Guid taskId, Func<UserTask, ResumeResult?> decide, Action<UserTask, WorkflowChanges> change, string by,
        IUnitOfWorkPart? alongside, CancellationToken ct) => WithRetryAsync(alongside, async pass =>
    {
        var task = await services.Store.FindTaskAsync(taskId, ct);
        if (task is null) return ResumeResult.NotFound($"No task {taskId}.");
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.OnHold))
            return ResumeResult.AlreadyHandled($"Task '{task.Title}' was already {Dutch(task.Status)}.", task.InstanceId);
        if (decide(task) is { } early) return early;
        // Loading the instance makes the commit version-check it: a completion of this task in between wins.
        var state = await pass.LoadAsync(task.InstanceId, ct);
        if (state is null || !state.Instance.IsActive) return ResumeResult.AlreadyHandled($"The flow of task '{task.Title}' has ended.", task.InstanceId);
        pass.Changes.UpdatedTasks.Add((task, task.PrepareSave()));
        change(task, pass.Changes);
        // Announced so live inboxes re-read the task (a slowed one keeps its holder but shows a new moment).
        pass.Changes.Notifications.Add(new TaskAssigned(task.Id, task.InstanceId, task.Assignee, task.CandidateGroup, by, task.CorrelationId));
        return null;
    }, ct);
}
