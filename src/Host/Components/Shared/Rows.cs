using ProcessEngine.Host.Features.Casus;

namespace ProcessEngine.Host.Components.Shared;

/// <summary>
/// A task as lists show it. Kept flat: lists carry their rows from the prerender into the circuit
/// ([PersistentState], JSON), so the page loads (and audits) its data once.
/// </summary>
public sealed record TaskRow(Guid Id, string Title, string? CasusCode, string? Group, string? Assignee, DateTimeOffset? DueAt)
{
    public static TaskRow From(TaskView task) => new(task.Id, task.Title, task.CasusCode, task.CandidateGroup, task.Assignee, task.DueAt);
}

/// <summary>One row of the half-year figures, flat for the same reason; a heading line has no numbers.</summary>
public sealed record FigureRow(string Onderdeel, string? EersteHalfjaar, string? TweedeHalfjaar, string? Totaal, bool IsKop);
