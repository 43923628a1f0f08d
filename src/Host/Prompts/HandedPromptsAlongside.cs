using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// A task handed to someone by someone else (reassigned) prompts the new holder by e-mail, in the transaction of the
/// handover as a new task's prompt is: it gives them the casus, so they should not have to find it in their inbox by
/// chance. Taking a task oneself, or a task moved to a new flow version, sends nothing. No mark is kept: the rows are
/// only ever written here, inside the commit.
/// </summary>
public sealed class HandedPromptsAlongside(PromptRecipients recipients, IOptions<PromptOptions> options, TimeProvider clock) : ICommitParticipant
{
    public async ValueTask<IUnitOfWorkPart?> PrepareAsync(WorkflowChanges changes, CancellationToken ct)
    {
        var handed = changes.NotificationsRaised.OfType<TaskAssigned>()
            .Where(n => n.Assignee is not null && !string.Equals(n.Assignee, n.By, StringComparison.OrdinalIgnoreCase)
                && n.By != TaskAssigned.ByMigration)
            .ToList();
        if (handed.Count == 0) return null;
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        foreach (var n in handed)
        {
            var task = changes.TasksUpdated.Select(t => t.Task).FirstOrDefault(t => t.Id == n.TaskId);
            if (task is null) continue;
            var people = await recipients.HolderAsync(task.Id, n.Assignee!, ct);
            messages.AddRange(PromptRows.For(PromptKind.Handed, PromptTask.From(task), people, options.Value, now).Messages);
        }
        return messages.Count == 0 ? null : new OutboxRows(messages, []);
    }
}
