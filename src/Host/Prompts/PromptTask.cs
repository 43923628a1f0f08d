using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>What a prompt needs to know of a task, whether it comes from the notification or from the task row.</summary>
public sealed record PromptTask(Guid TaskId, string? CasusCode, string? Assignee, string? CandidateGroup, DateTimeOffset? DueAt = null)
{
    public static PromptTask From(TaskCreated created) => new(created.TaskId, created.CorrelationId, created.Assignee, created.CandidateGroup);

    public static PromptTask From(UserTask task) => new(task.Id, task.CorrelationId, task.Assignee, task.CandidateGroup, task.DueAt);
}
