using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Features.Inbox;
using ProcessEngine.HostStore.Inbox;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components.Work;

/// <summary>
/// A task as the inbox lists it. Flat, so the list travels from the prerender into the circuit
/// ([PersistentState]) and the page asks for it once. The follow-up date and priority are the holder's own (host store).
/// </summary>
public sealed record InboxRow(Guid Id, string Title, string? CasusCode, string Route, string? Group, string? Assignee, DateTimeOffset? DueAt,
    bool Paused, DateTimeOffset? SlowedUntil = null, DateOnly? FollowUpOn = null, TaskPriority Priority = TaskPriority.Normal)
{
    public static InboxRow From(TaskView task) => new(task.Id, task.Title, task.CasusCode, RouteNames.Of(task.DefinitionId), task.CandidateGroup,
        task.Assignee, task.DueAt, task.Status == UserTaskStatus.OnHold, task.SlowedUntil, task.FollowUpOn, task.Priority);

    /// <summary>Consciously slowed at <paramref name="now"/>: the inbox says "bewust vertraagd tot …", never "te laat".</summary>
    public bool IsSlowedAt(DateTimeOffset now) => !Paused && SlowedUntil > now;

    /// <summary>The holder's follow-up day has come (Amsterdam): the inbox highlights it.</summary>
    public bool IsFollowUpReached(DateTimeOffset now) => FollowUpOn is { } day && day <= DutchTime.Today(now);
}

public static class InboxFilter
{
    /// <summary>The rows that match the filter (the casus code narrows the query itself), in the order asked for.</summary>
    public static IReadOnlyList<InboxRow> Apply(IEnumerable<InboxRow> rows, InboxViewFilter filter, InboxSort sort, DateTimeOffset now)
    {
        var today = DutchTime.Today(now);
        var matching = Apply(rows, filter.Route, filter.Status, now)
            .Where(r => string.IsNullOrEmpty(filter.Team) || r.Group == filter.Team)
            .Where(r => filter.Due switch
            {
                InboxDue.Today => r.DueAt is { } due && DutchTime.Today(due) <= today,
                InboxDue.ThisWeek => r.DueAt is { } due && due <= now.AddDays(7),
                InboxDue.FollowUpReached => r.IsFollowUpReached(now),
                _ => true,
            });
        return InboxOrder.Sort(matching, sort, r => r.FollowUpOn, r => r.Priority);
    }

    public static IReadOnlyList<InboxRow> Apply(IEnumerable<InboxRow> rows, string? route, InboxStatus status, DateTimeOffset now) =>
    [
        .. rows.Where(r => string.IsNullOrEmpty(route) || r.Route == route).Where(r => status switch
        {
            InboxStatus.Overdue => !r.Paused && DutchTime.IsLate(r.DueAt, now),
            InboxStatus.Open => !r.Paused,
            InboxStatus.Slowed => r.IsSlowedAt(now),
            InboxStatus.Paused => r.Paused,
            _ => true,
        }),
    ];

    public static string Dutch(InboxStatus status) => status switch
    {
        InboxStatus.Overdue => "Te laat",
        InboxStatus.Open => "Open",
        InboxStatus.Slowed => "Bewust vertraagd",
        InboxStatus.Paused => "Gepauzeerd (Stopknop)",
        _ => "Alle",
    };
}
