namespace ProcessEngine.HostStore.Mail;

/// <summary>
/// Records that the prompts of one kind for one task have been written to the outbox (in the same
/// transaction as the rows). The sweeps check a whole page of tasks against these marks in one query,
/// instead of resolving every task's recipients again to look for their outbox rows.
/// </summary>
public sealed class PromptMark
{
    public Guid TaskId { get; set; }
    /// <summary>"task", "reminder" or "escalation": the first part of the outbox rows' dedup keys.</summary>
    public string Kind { get; set; } = "";
    public DateTimeOffset WrittenAt { get; set; }
    /// <summary>How many outbox rows were written; 0 when nobody with an e-mail address was found, or none was due.</summary>
    public int Recipients { get; set; }
}
