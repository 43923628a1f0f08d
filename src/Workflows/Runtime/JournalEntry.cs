namespace ProcessEngine.Workflows.Runtime;

/// <summary>One activity execution (or suspension, resumption, fault) of an instance; append-only.</summary>
public sealed class JournalEntry
{
    private JournalEntry() { }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    /// <summary>Position in the instance's journal, 1-based.</summary>
    public int Sequence { get; private set; }
    public string ActivityId { get; private set; } = "";
    public string ActivityType { get; private set; } = "";
    public JournalEvent Event { get; private set; }
    public string? Outcome { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset EndedAt { get; private set; }
    public string? Message { get; private set; }

    internal static JournalEntry Create(Guid instanceId, int sequence, string activityId, string activityType, JournalEvent @event,
        string? outcome, DateTimeOffset startedAt, DateTimeOffset endedAt, string? message = null) => new()
    {
        Id = Guid.CreateVersion7(endedAt),
        InstanceId = instanceId,
        Sequence = sequence,
        ActivityId = activityId,
        ActivityType = activityType,
        Event = @event,
        Outcome = outcome,
        StartedAt = startedAt,
        EndedAt = endedAt,
        Message = message,
    };

    internal JournalEntry CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = (JournalEntry)MemberwiseClone();
        copy.Id = c.Id(Id);
        copy.InstanceId = c.Id(InstanceId);
        copy.StartedAt = c.At(StartedAt);
        copy.EndedAt = c.At(EndedAt);
        return copy;
    }
}
