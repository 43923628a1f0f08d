using Mediator;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// A new task: its e-mail prompt rows were committed with it (<see cref="CreatedPromptsAlongside"/>), so after the
/// commit this wakes the dispatcher when there is someone to mail. A task whose rows are missing all the same
/// (stored by a store without the participant) gets them written here, and otherwise by <see cref="CreatedPromptSweep"/>.
/// </summary>
public sealed class TaskCreatedPrompts(PromptWriter writer, DispatchTrigger trigger)
    : INotificationHandler<TaskCreated>
{
    public async ValueTask Handle(TaskCreated notification, CancellationToken ct)
    {
        var written = await writer.RecipientsMarkedAsync(PromptKind.Created, notification.TaskId, ct)
            ?? await writer.WriteAsync(PromptKind.Created, PromptTask.From(notification), ct);
        if (written > 0) trigger.DispatchSoon();
    }
}
