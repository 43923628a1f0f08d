namespace ProcessEngine.HostStore.Inbox;

/// <summary>
/// What the holder of a task keeps beside it for their own planning (Camunda's follow-up date): the day they want to look at it
/// again ("opvolgen op", apart from the flow's due moment, which it never changes) and a priority. The engine stays generic: this
/// is the host's row, keyed by the task id, with no casus content. Who set it last and when, for the inbox and the audit.
/// </summary>
public sealed class TaskNote
{
    public Guid TaskId { get; set; }
    public DateOnly? FollowUpOn { get; set; }
    public TaskPriority Priority { get; set; } = TaskPriority.Normal;
    public string SetBy { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
    public int Version { get; set; }
}

/// <summary>The holder's own ranking; the UI says Hoog, Normaal, Laag. Ordered high to low so a sort is the enum's order.</summary>
public enum TaskPriority { High, Normal, Low }
