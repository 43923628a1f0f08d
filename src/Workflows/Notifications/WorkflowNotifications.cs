using Mediator;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Notifications;

// Published through Mediator after the pass that caused them has committed; a failing handler is
// logged and never undoes the engine's state. Hosts prompt, push and audit from these.

public sealed record InstanceStarted(Guid InstanceId, string DefinitionId, int DefinitionVersion, string? CorrelationId) : INotification;

public sealed record InstanceFinished(Guid InstanceId, string DefinitionId, string? CorrelationId, WorkflowStatus Status) : INotification;

public sealed record InstanceFaulted(Guid InstanceId, string DefinitionId, string ActivityId, Guid IncidentId, string Message) : INotification;

public sealed record TaskCreated(Guid TaskId, Guid InstanceId, string Title, string? Assignee, string? CandidateGroup,
    DateTimeOffset? DueAt, string? CorrelationId) : INotification;

/// <summary>A task changed hands: claimed, given back (<paramref name="Assignee"/> null) or reassigned.</summary>
public sealed record TaskAssigned(Guid TaskId, Guid InstanceId, string? Assignee, string? CandidateGroup, string By, string? CorrelationId) : INotification
{
    /// <summary><see cref="By"/> of a task that moved with its instance to a new flow version: nobody handed it on.</summary>
    public const string ByMigration = "verplaatsing";
}

public sealed record TaskCompleted(Guid TaskId, Guid InstanceId, string Outcome, string? CompletedBy, string? CorrelationId) : INotification;

public sealed record TimerFired(Guid BookmarkId, Guid InstanceId, string ActivityId, DateTimeOffset DueAt) : INotification;

public sealed record SignalReceived(string Name, Guid InstanceId, string ActivityId, string? CorrelationId) : INotification;
