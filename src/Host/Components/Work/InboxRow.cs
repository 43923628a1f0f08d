using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Host.Features.Casus;

namespace ProcessEngine.Host.Components.Work;

/// <summary>
/// A task as the inbox lists it. Flat, so the list travels from the prerender into the circuit
/// ([PersistentState]) and the page asks for it once.
/// </summary>
public sealed record InboxRow(Guid Id, string Title, string? CasusCode, string Route, string? Group, string? Assignee, DateTimeOffset? DueAt,
    bool Paused, DateTimeOffset? SlowedUntil = null)
{
    public static InboxRow From(TaskView task) => new(task.Id, task.Title, task.CasusCode, RouteNames.Of(task.DefinitionId), task.CandidateGroup,
        task.Assignee, task.DueAt, task.Status == UserTaskStatus.OnHold, task.SlowedUntil);

    /// <summary>Consciously slowed at <paramref name="now"/>: the inbox says "bewust vertraagd tot …", never "te laat".</summary>
    public bool IsSlowedAt(DateTimeOffset now) => !Paused && SlowedUntil > now;
}

/// <summary>What the inbox filters on besides the casus code (which the query itself narrows).</summary>
public enum InboxStatus { All, Overdue, Open, Slowed, Paused }

public static class InboxFilter
{
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
