namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// A signal a flow sent (SendSignal), stored in the sender's own transaction and removed once delivered: the
/// outbox that keeps a signal from being lost when the process dies between the sender's commit and the
/// delivery. A signal reaches the bookmarks that were waiting for it when it was sent (created at or before
/// <see cref="SentAt"/>), never one that began waiting later, so delivering it again after a crash does
/// nothing twice.
/// </summary>
public sealed class SentSignal
{
    private SentSignal() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The correlation whose waiting instances receive it; null: only <see cref="SenderInstanceId"/> itself.</summary>
    public string? CorrelationId { get; private set; }
    public Guid SenderInstanceId { get; private set; }
    public string PayloadJson { get; private set; } = "{}";
    public DateTimeOffset SentAt { get; private set; }

    /// <summary>The one instance a signal without a correlation goes to (its sender); null: every waiting instance of the correlation.</summary>
    public Guid? TargetInstanceId => CorrelationId is null ? SenderInstanceId : null;

    public IReadOnlyDictionary<string, object?> Payload => VariableValues.Deserialize(PayloadJson);

    internal static SentSignal Create(string name, string? correlationId, Guid senderInstanceId, IReadOnlyDictionary<string, object?> payload,
        DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        CorrelationId = correlationId,
        SenderInstanceId = senderInstanceId,
        PayloadJson = VariableValues.Serialize(payload),
        SentAt = now,
    };
}
