namespace ProcessEngine.HostStore.Mail;

/// <summary>
/// An e-mail waiting to be sent (or sent). Written before anything is sent; the dispatcher retries with
/// backoff until the SMTP server takes it, so an outage delays prompts and never loses them. The unique
/// <see cref="DedupKey"/> (e.g. "task:{taskId}:{userName}") makes every producer idempotent.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }
    public string DedupKey { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Version { get; set; }
}
