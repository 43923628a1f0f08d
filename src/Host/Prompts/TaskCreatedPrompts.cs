using Hangfire;
using Mediator;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// A new task: its e-mail prompts go into the outbox, then the dispatcher is woken. Runs after the engine
/// committed; if this fails or never runs, <see cref="CreatedPromptSweep"/> writes the prompts later.
/// </summary>
public sealed class TaskCreatedPrompts(PromptWriter writer, IBackgroundJobClient jobs, ILogger<TaskCreatedPrompts> logger)
    : INotificationHandler<TaskCreated>
{
    public async ValueTask Handle(TaskCreated notification, CancellationToken ct)
    {
        if (await writer.WriteAsync(PromptKind.Created, PromptTask.From(notification), ct) > 0) jobs.DispatchSoon(logger);
    }
}
