namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// What a suspended instance waits for. A row per bookmark; resuming deletes the row in the same
/// transaction that saves the instance, and that delete succeeds only once, so a bookmark is consumed
/// exactly once however many nodes, users or timers race for it. A timer bookmark is the durable timer
/// record: Hangfire only schedules a wake-up for it.
/// </summary>
public sealed class Bookmark
{
    private Bookmark() { }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public BookmarkKind Kind { get; private set; }
    /// <summary>Copied from the instance so signals find their bookmarks with one indexed query.</summary>
    public string? CorrelationId { get; private set; }
    public string? SignalName { get; private set; }
    /// <summary>For a timer: when it fires. For a task: its due date.</summary>
    public DateTimeOffset? DueAt { get; private set; }
    public Guid? TaskId { get; private set; }
    public Guid? ChildInstanceId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Paused with its traject: not resumable (a held timer does not fire) until released.</summary>
    public bool IsHeld { get; private set; }
    /// <summary>A signal that arrived while this bookmark was held: delivered when the hold is released.</summary>
    public string? DeferredSignalJson { get; private set; }

    internal static Bookmark Create(WorkflowInstance instance, string activityId, BookmarkRequest request, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instance.Id,
        ActivityId = activityId,
        Kind = request.Kind,
        CorrelationId = instance.CorrelationId,
        SignalName = request.SignalName,
        DueAt = request.DueAt,
        CreatedAt = now,
    };

    internal void LinkTask(Guid taskId) => TaskId = taskId;

    /// <summary>Waits at another activity of the new flow version (a migration); a signal's name and a moment as the target gives them.</summary>
    internal void MoveTo(string activityId, string? signalName, DateTimeOffset? dueAt)
    {
        ActivityId = activityId;
        if (Kind == BookmarkKind.Signal) SignalName = signalName;
        if (Kind is BookmarkKind.Timer or BookmarkKind.Task) DueAt = dueAt;
    }
    internal void Hold() => IsHeld = true;
    internal void Release() => IsHeld = false;
    internal void DeferSignal(IReadOnlyDictionary<string, object?> payload) => DeferredSignalJson = VariableValues.Serialize(payload);

    /// <summary>Held with what resumes it (a kept-running subflow's result), delivered when the hold is released.</summary>
    internal void DeferUntilRelease(IReadOnlyDictionary<string, object?> result) => (IsHeld, DeferredSignalJson) = (true, VariableValues.Serialize(result));
    internal void LinkChild(Guid childInstanceId) => ChildInstanceId = childInstanceId;
    internal Bookmark Clone() => (Bookmark)MemberwiseClone();

    internal Bookmark CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = Clone();
        copy.Id = c.Id(Id);
        copy.InstanceId = c.Id(InstanceId);
        copy.CorrelationId = c.Correlation(CorrelationId);
        copy.DueAt = c.At(DueAt);
        copy.TaskId = c.Id(TaskId);
        copy.ChildInstanceId = c.Id(ChildInstanceId);
        copy.CreatedAt = c.At(CreatedAt);
        copy.DeferredSignalJson = c.JsonOrNull(DeferredSignalJson);
        return copy;
    }
}
