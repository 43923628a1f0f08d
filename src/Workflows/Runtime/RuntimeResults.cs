namespace ProcessEngine.Workflows.Runtime;

public enum ResumeOutcome
{
    /// <summary>The bookmark was consumed and the instance ran on.</summary>
    Resumed,
    /// <summary>Someone or something consumed it first (a second click, a second node, a timer firing twice). Nothing changed.</summary>
    AlreadyHandled,
    NotFound,
    /// <summary>A timer woken before its due time (clock skew between nodes); it stays pending.</summary>
    NotDue,
    /// <summary>The traject is on hold (Stopknop): the step waits, unchanged, until the hold is released.</summary>
    Held,
    /// <summary>The request itself is wrong (unknown outcome, missing required field, instance not in a state that allows it). Nothing changed.</summary>
    Rejected,
}

public sealed record ResumeResult(ResumeOutcome Outcome, Guid? InstanceId = null, WorkflowStatus? Status = null, string? Message = null)
{
    /// <summary>
    /// Whether this call committed a change (and with it the caller's parts, such as its audit line). False for a
    /// result that changed nothing, including a <see cref="ResumeOutcome.Resumed"/> that found the work already done
    /// as asked (claiming one's own task again).
    /// </summary>
    public bool Committed { get; init; }

    /// <summary>For a refused task form: the message per field name, to show next to each field.</summary>
    public IReadOnlyDictionary<string, string>? FieldErrors { get; init; }

    public static ResumeResult NotFound(string message) => new(ResumeOutcome.NotFound, Message: message);
    public static ResumeResult AlreadyHandled(string message, Guid? instanceId = null) => new(ResumeOutcome.AlreadyHandled, instanceId, Message: message);
    public static ResumeResult Rejected(string message, Guid? instanceId = null) => new(ResumeOutcome.Rejected, instanceId, Message: message);
    public static ResumeResult Excluded(UserTask task, string? user) =>
        Rejected($"Task '{task.Title}' is not for {user}: they are involved in what it is about.", task.InstanceId);
    public static ResumeResult InvalidForm(IReadOnlyDictionary<string, string> errors, Guid instanceId) =>
        new(ResumeOutcome.Rejected, instanceId, Message: "Het formulier is niet goed ingevuld: " + string.Join("; ", errors.Select(e => $"{e.Key}: {e.Value}")))
        { FieldErrors = errors };
}

public sealed record StartResult(Guid InstanceId, WorkflowStatus Status, int DefinitionVersion);
