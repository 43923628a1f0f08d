namespace ProcessEngine.Host.Prompts;

/// <summary>Why a prompt is sent. The key is the first part of its outbox rows' dedup keys.</summary>
public enum PromptKind
{
    /// <summary>A task was created for the person or their group.</summary>
    Created,
    /// <summary>The task's due moment is near.</summary>
    Reminder,
    /// <summary>The task is still open past its due moment: first the duo partner or a colleague of the holder's team hears of it.</summary>
    Escalation,
    /// <summary>The task is still open after the colleagues heard of it: the chair (the escalation group) hears, as the last step.</summary>
    EscalationChair,
    /// <summary>Someone handed the task to the person (reassigned it); taking a task oneself sends nothing.</summary>
    Handed,
}

public static class PromptKinds
{
    public static string Key(this PromptKind kind) => kind switch
    {
        PromptKind.Created => "task",
        PromptKind.Reminder => "reminder",
        PromptKind.Escalation => "escalation",
        PromptKind.EscalationChair => "escalation-chair",
        PromptKind.Handed => "handed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The prompts that follow from a task's due moment: a new due moment (bewust vertragen) starts them afresh.</summary>
    public static IReadOnlyList<PromptKind> DueKinds { get; } = [PromptKind.Reminder, PromptKind.Escalation, PromptKind.EscalationChair];

    /// <summary>
    /// "{key}:{taskId}:{userName}"; a prompt about a due moment adds it ("@yyyyMMddHHmm" UTC), so a slowed task's new moment
    /// gets its own prompts even while the earlier ones are still kept in the outbox; a handover adds its moment
    /// (<paramref name="at"/>), so a task handed back to someone prompts them again.
    /// </summary>
    public static string DedupKey(this PromptKind kind, PromptTask task, string userName, DateTimeOffset? at = null) => kind switch
    {
        PromptKind.Handed => $"{kind.Key()}:{task.TaskId}@{(at ?? throw new ArgumentNullException(nameof(at))).UtcDateTime:yyyyMMddHHmmssfff}:{userName}",
        PromptKind.Created => $"{kind.Key()}:{task.TaskId}:{userName}",
        _ when task.DueAt is { } due => $"{kind.Key()}:{task.TaskId}@{due.UtcDateTime:yyyyMMddHHmm}:{userName}",
        _ => $"{kind.Key()}:{task.TaskId}:{userName}",
    };
}
