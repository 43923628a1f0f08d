using System.Linq.Expressions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// The managers' queries: what is overdue or stuck, where, and how long routes take. Lists are paged in
/// index order and sums come from rollups, so their cost follows the page, not the number of trajectories.
/// Held tasks (a traject paused by the Stopknop) are neither overdue nor stuck: the review is what waits.
/// </summary>
public partial interface IWorkflowStore
{
    /// <summary>Facts on the Amsterdam days [from, to) by name and value of <paramref name="dimension"/> (null value: not set), from the day rollup.</summary>
    Task<IReadOnlyList<FactCount>> CountFactsByDayAsync(DateOnly from, DateOnly to, string dimension, CancellationToken ct = default);

    /// <summary>Open tasks past their due moment, most overdue first; narrowed by team, flow or step.</summary>
    Task<IReadOnlyList<UserTask>> FindOverdueTasksAsync(DateTimeOffset now, TaskFilter filter, int skip, int take, CancellationToken ct = default);

    /// <summary>Overdue open tasks per team, flow and step, with the oldest due moment of each group.</summary>
    Task<IReadOnlyList<OverdueGroup>> SummarizeOverdueTasksAsync(DateTimeOffset now, CancellationToken ct = default);

    /// <summary>Open tasks waiting longer than their step's norm, longest waiting first.</summary>
    Task<IReadOnlyList<UserTask>> FindStuckTasksAsync(StuckRule rule, int skip, int take, CancellationToken ct = default);

    Task<int> CountStuckTasksAsync(StuckRule rule, CancellationToken ct = default);

    Task<int> CountOpenIncidentsAsync(CancellationToken ct = default);

    /// <summary>
    /// Finished (not cancelled) instances of the given flows by period of finishing and whole days from start to finish:
    /// a histogram to take medians and percentiles from. Periods are [bounds[i], bounds[i+1]).
    /// </summary>
    Task<IReadOnlyList<LeadTimeCount>> CountLeadTimesAsync(IReadOnlyList<string> definitionIds, IReadOnlyList<DateTimeOffset> bounds,
        CancellationToken ct = default);
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

/// <summary>When an open task counts as stuck: its step's own norm, or otherwise the general one.</summary>
public sealed record StuckRule(IReadOnlyList<StepNorm> Steps, DateTimeOffset OtherwiseCreatedBefore)
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
        return Expression.Lambda<Func<UserTask, bool>>(Or(stuck, otherwise), task);

        static Expression Or(Expression? left, Expression right) => left is null ? right : Expression.OrElse(left, right);
    }

    /// <summary>The latest moment any rule looks back to: nothing created after it can be stuck (bounds the index range).</summary>
    public DateTimeOffset Latest => Steps.Select(s => s.CreatedBefore).Append(OtherwiseCreatedBefore).Max();
}

public sealed record LeadTimeCount(string DefinitionId, int Period, int Days, int Count);
