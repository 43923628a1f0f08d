namespace ProcessEngine.Host.Prompts;

/// <summary>Why a prompt is sent. The key is the first part of its outbox rows' dedup keys: "{key}:{taskId}:{userName}".</summary>
public enum PromptKind
{
    /// <summary>A task was created for the person or their group.</summary>
    Created,
    /// <summary>The task's due moment is near.</summary>
    Reminder,
    /// <summary>The task is past its due moment; the escalation group hears of it.</summary>
    Escalation,
}

public static class PromptKinds
{
    public static string Key(this PromptKind kind) => kind switch
    {
        PromptKind.Created => "task",
        PromptKind.Reminder => "reminder",
        PromptKind.Escalation => "escalation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DedupKey(this PromptKind kind, Guid taskId, string userName) => $"{kind.Key()}:{taskId}:{userName}";
}
