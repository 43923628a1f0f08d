namespace ProcessEngine.Workflows.Runtime;

/// <summary>An activity that threw. The instance is Faulted until a retry re-runs the activity.</summary>
public sealed class Incident
{
    private Incident() { }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public string ActivityType { get; private set; } = "";
    public string ExceptionType { get; private set; } = "";
    public string Message { get; private set; } = "";
    public string? StackTrace { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }

    internal static Incident Create(Guid instanceId, string activityId, string activityType, Exception error, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instanceId,
        ActivityId = activityId,
        ActivityType = activityType,
        ExceptionType = error.GetType().FullName ?? error.GetType().Name,
        Message = FaultText.Message(error, activityId, activityType),
        StackTrace = FaultText.Trace(error),
        CreatedAt = now,
    };

    internal void Resolve(DateTimeOffset now) => ResolvedAt = now;
    internal Incident Clone() => (Incident)MemberwiseClone();

    internal Incident CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = Clone();
        copy.Id = c.Id(Id);
        copy.InstanceId = c.Id(InstanceId);
        copy.CreatedAt = c.At(CreatedAt);
        copy.ResolvedAt = c.At(ResolvedAt);
        return copy;
    }
}
