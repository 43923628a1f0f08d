using Mediator;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Host.Notifications;

/// <summary>Writes the engine's notifications to the structured log (ids only: no casus content).</summary>
public sealed class NotificationLogger(ILogger<NotificationLogger> logger) :
    INotificationHandler<InstanceStarted>, INotificationHandler<InstanceFinished>, INotificationHandler<InstanceFaulted>,
    INotificationHandler<TaskCreated>, INotificationHandler<TaskAssigned>, INotificationHandler<TaskCompleted>, INotificationHandler<TimerFired>,
    INotificationHandler<SignalReceived>
{
    public ValueTask Handle(InstanceStarted n, CancellationToken ct) =>
        Log(LogLevel.Information, "Instance {InstanceId} of {DefinitionId} v{Version} started", n.InstanceId, n.DefinitionId, n.DefinitionVersion);

    public ValueTask Handle(InstanceFinished n, CancellationToken ct) =>
        Log(LogLevel.Information, "Instance {InstanceId} of {DefinitionId} ended: {Status}", n.InstanceId, n.DefinitionId, n.Status);

    public ValueTask Handle(InstanceFaulted n, CancellationToken ct) =>
        Log(LogLevel.Error, "Instance {InstanceId} faulted at {ActivityId}: incident {IncidentId}", n.InstanceId, n.ActivityId, n.IncidentId);

    public ValueTask Handle(TaskCreated n, CancellationToken ct) =>
        Log(LogLevel.Information, "Task {TaskId} created for {Assignee}/{Group}, due {DueAt}", n.TaskId, n.Assignee, n.CandidateGroup, n.DueAt);

    public ValueTask Handle(TaskAssigned n, CancellationToken ct) =>
        Log(LogLevel.Information, "Task {TaskId} now with {Assignee} (group {Group}), by {By}", n.TaskId, n.Assignee, n.CandidateGroup, n.By);

    public ValueTask Handle(TaskCompleted n, CancellationToken ct) =>
        Log(LogLevel.Information, "Task {TaskId} completed with {Outcome}", n.TaskId, n.Outcome);

    public ValueTask Handle(TimerFired n, CancellationToken ct) =>
        Log(LogLevel.Information, "Timer {TimerId} of instance {InstanceId} fired", n.BookmarkId, n.InstanceId);

    public ValueTask Handle(SignalReceived n, CancellationToken ct) =>
        Log(LogLevel.Information, "Signal {Signal} received by instance {InstanceId}", n.Name, n.InstanceId);

    private ValueTask Log(LogLevel level, string message, params object?[] args)
    {
#pragma warning disable CA2254 // The templates are constants of this class; passing them through keeps one log call.
        logger.Log(level, message, args);
#pragma warning restore CA2254
        return ValueTask.CompletedTask;
    }
}
