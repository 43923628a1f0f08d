using ProcessEngine.HostStore.Mail;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The outbox rows of one prompt for one task, one per person, and the task's mark for that kind of prompt: what
/// <see cref="PromptWriter"/> stores on its own and <see cref="CreatedPromptsAlongside"/> stores with the new task.
/// </summary>
public static class PromptRows
{
    /// <param name="written">Dedup keys already in the outbox; those people get no second row.</param>
    public static (IReadOnlyList<OutboxMessage> Messages, PromptMark Mark) For(PromptKind kind, PromptTask task, IReadOnlyList<PromptRecipient> people,
        PromptOptions options, DateTimeOffset now, IReadOnlyCollection<string>? written = null)
    {
        // A team task's prompt says which team it is for; an escalation or a task of one's own does not.
        var group = kind is PromptKind.Escalation or PromptKind.EscalationChair || task.Assignee is not null ? null : task.CandidateGroup;
        var (subject, body) = PromptTexts.For(kind, task.TaskId, task.CasusCode, group, options.BaseUrl);
        var messages = people
            .Select(person => (Key: kind.DedupKey(task, person.UserName, now), person.Email))
            .DistinctBy(p => p.Key)
            .Where(p => written is null || !written.Contains(p.Key))
            .Select(p => new OutboxMessage
            {
                Id = Guid.CreateVersion7(now), DedupKey = p.Key, Recipient = p.Email, Subject = subject, Body = body,
                CreatedAt = now, NextAttemptAt = now,
            })
            .ToList();
        return (messages, new PromptMark { TaskId = task.TaskId, Kind = kind.Key(), WrittenAt = now, Recipients = messages.Count });
    }
}
