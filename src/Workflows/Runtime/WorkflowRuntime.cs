using Microsoft.Extensions.Logging;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// The engine's entry points. Each call is one pass: load, run until every path waits or ends, commit
/// once, then (only after the commit) schedule timers, publish notifications and send signals. A commit
/// that loses a race is retried from fresh state; if the bookmark is gone by then the caller hears
/// "already handled" and nothing was changed twice.
/// </summary>
public sealed partial class WorkflowRuntime(RuntimeServices services, ILogger<WorkflowRuntime> logger)
{
    private PassCommits? _commits;
    private InstanceMovePasses? _moves;
    private PassCommits Commits => _commits ??= new PassCommits(services, logger, DeliverAsync);
    /// <summary>Passes that move an instance's waiting steps instead of running it on (migration and repair).</summary>
    internal InstanceMovePasses Moves => _moves ??= new InstanceMovePasses(services, Commits);
    private DateTimeOffset Now => services.Clock.GetUtcNow();

    private Task<ResumeResult> WithRetryAsync(IUnitOfWorkPart? alongside, Func<ExecutionPass, Task<ResumeResult?>> step, CancellationToken ct) =>
        Commits.WithRetryAsync(alongside, step, ct);

    /// <param name="alongside">What the caller commits with the new instance (domain rows linking to it, the audit line).</param>
    public async Task<StartResult> StartAsync(string definitionId, IReadOnlyDictionary<string, object?>? input = null,
        string? correlationId = null, IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        var graph = await services.Graphs.GetLiveAsync(definitionId, ct);
        var pass = new ExecutionPass(services);
        var state = pass.Start(graph, input ?? EmptyData, correlationId);
        await pass.RunAsync(state, ct);
        if (alongside is not null) pass.Changes.Parts.Add(alongside);
        await Commits.CommitAsync(pass, ct);
        return new StartResult(state.Instance.Id, state.Instance.Status, graph.Version);
    }

    /// <param name="alongside">What the caller commits in the same transaction as the completion (its audit line).</param>
    public Task<ResumeResult> CompleteTaskAsync(Guid taskId, string outcome, IReadOnlyDictionary<string, object?>? data = null,
        string? user = null, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) => WithRetryAsync(alongside, async pass =>
    {
        var task = await services.Store.FindTaskAsync(taskId, ct);
        if (task is null) return ResumeResult.NotFound($"No task {taskId}.");
        if (task.Status == UserTaskStatus.OnHold)
            return new ResumeResult(ResumeOutcome.Held, task.InstanceId, Message: $"Task '{task.Title}' is on hold: its traject is paused (Stopknop) until the review releases it.");
        if (task.Status != UserTaskStatus.Open)
            return ResumeResult.AlreadyHandled($"Task '{task.Title}' was already {Dutch(task.Status)} by someone else.", task.InstanceId);
        if (task.Excludes(user)) return ResumeResult.Excluded(task, user);
        var form = TaskFormCheck.Check(task, outcome, data ?? EmptyData);
        if (form.OutcomeProblem is not null) return ResumeResult.Rejected(form.OutcomeProblem, task.InstanceId);
        if (form.FieldErrors.Count > 0) return ResumeResult.InvalidForm(form.FieldErrors, task.InstanceId);
        var state = await pass.LoadAsync(task.InstanceId, ct);
        var bookmark = state?.Bookmarks.Find(b => b.Id == task.BookmarkId);
        if (state is null || bookmark is null) return ResumeResult.AlreadyHandled($"Task '{task.Title}' is no longer waiting.", task.InstanceId);
        if (!state.Instance.IsActive) return ResumeResult.Rejected($"The flow of this task is {state.Instance.Status}.", task.InstanceId);
        var ruleName = state.Graph.Nodes.TryGetValue(task.ActivityId, out var node) ? (node.Activity as IUsesFormRule)?.FormRuleName : null;
        var ruleErrors = services.FormRules.Check(new TaskFormSubmission(task, task.Form, outcome, form.Values,
            state.Instance.ReadInput(), state.Instance.Variables, Now), ruleName);
        if (ruleErrors.Count > 0) return ResumeResult.InvalidForm(ruleErrors, task.InstanceId);
        data = form.Values;
        pass.Changes.UpdatedTasks.Add((task, task.PrepareSave()));
        task.Complete(outcome, user, data ?? EmptyData, Now);
        pass.Changes.Notifications.Add(new TaskCompleted(task.Id, task.InstanceId, outcome, user, task.CorrelationId));
        pass.Resume(state, bookmark, new ResumeInput(BookmarkKind.Task) { Outcome = outcome, Data = data ?? EmptyData, User = user });
        await pass.RunAsync(state, ct);
        return null;
    }, ct);

    /// <summary>Fires one timer if it is due; what a Hangfire job calls with the timer id it carries.</summary>
    public Task<ResumeResult> FireTimerAsync(Guid timerId, CancellationToken ct = default) => WithRetryAsync(null, async pass =>
    {
        var timer = await services.Store.FindBookmarkAsync(timerId, ct);
        if (timer is null) return ResumeResult.AlreadyHandled($"Timer {timerId} has already fired or was cancelled.");
        if (timer.Kind != BookmarkKind.Timer) return ResumeResult.Rejected($"Bookmark {timerId} is a {timer.Kind}, not a timer.", timer.InstanceId);
        if (timer.DueAt > Now) return new ResumeResult(ResumeOutcome.NotDue, timer.InstanceId, Message: $"Timer {timerId} is due at {timer.DueAt:O}.");
        var state = await pass.LoadAsync(timer.InstanceId, ct);
        var live = state?.Bookmarks.Find(b => b.Id == timerId);
        if (state is null || live is null) return ResumeResult.AlreadyHandled($"Timer {timerId} has already fired.", timer.InstanceId);
        if (!state.Instance.IsActive) return ResumeResult.Rejected($"The flow of timer {timerId} is {state.Instance.Status}.", timer.InstanceId);
        if (live.IsHeld) return new ResumeResult(ResumeOutcome.Held, timer.InstanceId, Message: $"Timer {timerId} is on hold with its traject.");
        pass.Changes.Notifications.Add(new TimerFired(timerId, timer.InstanceId, timer.ActivityId, timer.DueAt!.Value));
        pass.Resume(state, live, new ResumeInput(BookmarkKind.Timer));
        await pass.RunAsync(state, ct);
        return null;
    }, ct);

    /// <summary>
    /// The one place that decides which timers are due: fires every timer due at the clock's now. The
    /// periodic Hangfire sweep, start-up recovery and the tests all call this.
    /// </summary>
    public Task<int> FireDueTimersAsync(CancellationToken ct = default) =>
        PagedSweep.RunAsync(max => services.Store.FindDueTimersAsync(Now, max, ct), timer => timer.Id,
            async timer => (await FireTimerAsync(timer.Id, ct)).Outcome == ResumeOutcome.Resumed);

    private static string Dutch(UserTaskStatus status) => status == UserTaskStatus.Completed ? "afgerond" : "geannuleerd";
    private static readonly IReadOnlyDictionary<string, object?> EmptyData = new Dictionary<string, object?>();
}
