using System.Linq.Expressions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Monitoring;

/// <summary>
/// What the screens around the engine ask — the dashboard, the studio's instance list, the operations
/// lists and the managers' reports — apart from what the runtime needs (<see cref="IWorkflowStore"/>).
/// Read-only, and answered in flat rows made for those screens, never the engine's entities: a list of
/// a hundred tasks reads the columns it shows, not every task's form JSON and variables.
/// Lists are paged in index order and sums come from rollups, so their cost follows the page, not the
/// number of trajectories. Held tasks (a traject paused by the Stopknop) are neither overdue nor stuck:
/// the review is what waits.
/// </summary>
public interface IWorkflowMonitoring
{
    /// <summary>Running or waiting instances per flow id.</summary>
    Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default);

    /// <summary>Instances of one flow, narrowed by <paramref name="filter"/>, newest first: the studio's instance list, a page at a time.</summary>
    Task<IReadOnlyList<InstanceRow>> FindInstancesOfFlowAsync(string definitionId, InstanceFilter filter, int skip, int take, CancellationToken ct = default);

    /// <summary>Unresolved incidents, newest first, each with its instance's flow and correlation (read in the same query).</summary>
    Task<IReadOnlyList<IncidentRow>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default);

    Task<int> CountOpenIncidentsAsync(CancellationToken ct = default);

    /// <summary>Facts on the Amsterdam days [from, to) by name and value of <paramref name="dimension"/> (null value: not set), from the day rollup.</summary>
    Task<IReadOnlyList<FactCount>> CountFactsByDayAsync(DateOnly from, DateOnly to, string dimension, CancellationToken ct = default);

    /// <summary>Open tasks past their due moment, most overdue first; narrowed by team, flow or step.</summary>
    Task<IReadOnlyList<OpenTaskRow>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take, CancellationToken ct = default);

    /// <summary>Overdue open tasks per team, flow and step, with the oldest due moment of each group.</summary>
    Task<IReadOnlyList<OverdueGroup>> SummarizeOverdueTasksAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Open tasks waiting longer than their step's norm, longest waiting first.</summary>
    Task<IReadOnlyList<OpenTaskRow>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default);

    Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default);

    /// <summary>Open tasks consciously slowed past <paramref name="now"/> (bewust vertraagd): counted apart, never as late or stuck.</summary>
    Task<int> CountSlowedTasksAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>
    /// Finished (not cancelled) instances of the given flows by period of finishing and whole days from start to finish:
    /// a histogram to take medians and percentiles from. Periods are [bounds[i], bounds[i+1]).
    /// </summary>
    Task<IReadOnlyList<LeadTimeBucket>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
        CancellationToken ct = default);

    /// <summary>
    /// Where the running instances of a flow (any version) wait now, per activity and kind: the studio's heat map. Read from a
    /// rollup by day kept beside the bookmarks, so its cost follows the days and activities, not the trajecten.
    /// </summary>
    Task<IReadOnlyList<WaitingAtActivity>> SummarizeWaitingAsync(string definitionId, DateTimeOffset now, CancellationToken ct = default);

    /// <summary>The instances of a flow waiting at one activity, longest waiting first, at most <paramref name="take"/>.</summary>
    Task<IReadOnlyList<WaitingInstanceRow>> FindWaitingAtAsync(string definitionId, string activityId, int take, CancellationToken ct = default);
}

/// <summary>An instance in the studio's list of a flow: where it stands, without its input, variables or state.</summary>
public sealed record InstanceRow(Guid Id, int DefinitionVersion, WorkflowStatus Status, Guid? ParentInstanceId, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt);

/// <summary>
/// An unresolved incident with what the operations list shows of its instance. <paramref name="DefinitionId"/> and
/// <paramref name="CorrelationId"/> are null when the instance is gone; the stack trace stays on the instance's page.
/// </summary>
public sealed record IncidentRow(Guid Id, Guid InstanceId, string? DefinitionId, string? CorrelationId, string ActivityId, string ActivityType,
    string ExceptionType, string Message, DateTimeOffset CreatedAt);

/// <summary>An open task as the overdue and stuck lists show it: who has it, where in which flow, since when and until when.</summary>
public sealed record OpenTaskRow(Guid Id, string? CorrelationId, string Title, string? CandidateGroup, string? Assignee, string DefinitionId,
    string ActivityId, DateTimeOffset CreatedAt, DateTimeOffset? DueAt)
{
    /// <summary>
    /// The row as a projection the database runs (only these columns are read; a task's form JSON and result
    /// stay on disk) and the in-memory store compiles: one definition of what the row holds.
    /// </summary>
    public static Expression<Func<UserTask, OpenTaskRow>> FromTask { get; } = t =>
        new OpenTaskRow(t.Id, t.CorrelationId, t.Title, t.CandidateGroup, t.Assignee, t.DefinitionId, t.ActivityId, t.CreatedAt, t.DueAt);
}

/// <summary>
/// Narrows a flow's instance list; null parts match everything. Status and version are equalities on the (flow, version, status)
/// index; "waits in" asks the bookmarks by their instance index; the start moment is [<paramref name="StartedFrom"/>,
/// <paramref name="StartedBefore"/>).
/// </summary>
public sealed record InstanceFilter(WorkflowStatus? Status = null, int? Version = null, string? WaitingIn = null, DateTimeOffset? StartedFrom = null,
    DateTimeOffset? StartedBefore = null)
{
    public static InstanceFilter All { get; } = new();

    public IQueryable<WorkflowInstance> Apply(IQueryable<WorkflowInstance> instances, IQueryable<Bookmark> bookmarks)
    {
        if (Version is { } version) instances = instances.Where(i => i.DefinitionVersion == version);
        if (Status is { } status) instances = instances.Where(i => i.Status == status);
        if (StartedFrom is { } from) instances = instances.Where(i => i.CreatedAt >= from);
        if (StartedBefore is { } before) instances = instances.Where(i => i.CreatedAt < before);
        if (WaitingIn is { } activity) instances = instances.Where(i => bookmarks.Any(b => b.InstanceId == i.Id && b.ActivityId == activity));
        return instances;
    }
}

/// <summary>Narrows a task list; null parts match everything (a null-group filter is asked with <see cref="NoGroup"/>).</summary>
public sealed record TaskFilter(string? CandidateGroup = null, string? DefinitionId = null, string? ActivityId = null, bool NoGroup = false)
{
    public static TaskFilter All { get; } = new();

    /// <summary>Only the parts given become conditions, so the database sees plain equalities it can use indexes for.</summary>
    public IQueryable<UserTask> Apply(IQueryable<UserTask> tasks)
    {
        if (NoGroup) tasks = tasks.Where(t => t.CandidateGroup == null);
        else if (CandidateGroup is { } group) tasks = tasks.Where(t => t.CandidateGroup == group);
        if (DefinitionId is { } definition) tasks = tasks.Where(t => t.DefinitionId == definition);
        if (ActivityId is { } activity) tasks = tasks.Where(t => t.ActivityId == activity);
        return tasks;
    }
}

public sealed record OverdueGroup(string? CandidateGroup, string DefinitionId, string ActivityId, string Title, int Count, DateTimeOffset OldestDueAt);

/// <summary>A step's norm as a moment: its open tasks created before it are stuck.</summary>
public sealed record StepNorm(string DefinitionId, string ActivityId, DateTimeOffset CreatedBefore);

/// <summary>
/// When an open task counts as stuck: its step's own norm, or otherwise the general one. A task consciously slowed
/// past <paramref name="Now"/> is not stuck: its holder chose the time (given no moment, every slowed task is left in).
/// </summary>
public sealed record StuckRule(IReadOnlyList<StepNorm> Steps, DateTimeOffset OtherwiseCreatedBefore, DateTimeOffset? Now = null)
{
    /// <summary>The rule as a predicate the database can run (and the in-memory store can compile).</summary>
    public Expression<Func<UserTask, bool>> Predicate()
    {
        var task = Expression.Parameter(typeof(UserTask), "t");
        Expression Member(string name) => Expression.Property(task, name);
        Expression Before(DateTimeOffset moment) => Expression.LessThan(Member(nameof(UserTask.CreatedAt)), Expression.Constant(moment));
        Expression? stuck = null;
        Expression? ownNorm = null;
        foreach (var step in Steps)
        {
            var isStep = Expression.AndAlso(
                Expression.Equal(Member(nameof(UserTask.DefinitionId)), Expression.Constant(step.DefinitionId)),
                Expression.Equal(Member(nameof(UserTask.ActivityId)), Expression.Constant(step.ActivityId)));
            stuck = Or(stuck, Expression.AndAlso(isStep, Before(step.CreatedBefore)));
            ownNorm = Or(ownNorm, isStep);
        }
        var otherwise = Before(OtherwiseCreatedBefore);
        if (ownNorm is not null) otherwise = Expression.AndAlso(Expression.Not(ownNorm), otherwise);
        var body = Or(stuck, otherwise);
        if (Now is { } now)
        {
            var slowedUntil = Member(nameof(UserTask.SlowedUntil));
            var notSlowed = Expression.OrElse(Expression.Equal(slowedUntil, Expression.Constant(null, typeof(DateTimeOffset?))),
                Expression.LessThanOrEqual(slowedUntil, Expression.Constant(now, typeof(DateTimeOffset?))));
            body = Expression.AndAlso(body, notSlowed);
        }
        return Expression.Lambda<Func<UserTask, bool>>(body, task);

        static Expression Or(Expression? left, Expression right) => left is null ? right : Expression.OrElse(left, right);
    }

    /// <summary>The latest moment any rule looks back to: nothing created after it can be stuck (bounds the index range).</summary>
    public DateTimeOffset Latest => Steps.Select(s => s.CreatedBefore).Append(OtherwiseCreatedBefore).Max();
}

/// <summary>
/// One bin of the lead-time histogram: how many instances of a flow finished in period <paramref name="Period"/>
/// after <paramref name="Days"/> whole days.
/// </summary>
public sealed record LeadTimeBucket(string DefinitionId, int Period, int Days, int Count);
