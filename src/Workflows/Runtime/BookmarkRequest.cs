namespace ProcessEngine.Workflows.Runtime;

public enum BookmarkKind { Task, Timer, Signal, Subflow }

/// <summary>What a suspending activity waits for. Built through the factory methods, one per kind.</summary>
public sealed record BookmarkRequest
{
    private BookmarkRequest(BookmarkKind kind) => Kind = kind;

    public BookmarkKind Kind { get; }
    public TaskSpec? Task { get; private init; }
    public DateTimeOffset? DueAt { get; private init; }
    public string? SignalName { get; private init; }
    public SubflowSpec? Subflow { get; private init; }

    public static BookmarkRequest ForTask(TaskSpec task) => new(BookmarkKind.Task) { Task = task, DueAt = task.DueAt };
    public static BookmarkRequest ForTimer(DateTimeOffset dueAt) => new(BookmarkKind.Timer) { DueAt = dueAt.ToUniversalTime() };
    public static BookmarkRequest ForSignal(string name) => new(BookmarkKind.Signal) { SignalName = name };
    public static BookmarkRequest ForSubflow(SubflowSpec subflow) => new(BookmarkKind.Subflow) { Subflow = subflow };
}

/// <summary>A human task as an activity asks for it; becomes a <see cref="UserTask"/> row.</summary>
public sealed record TaskSpec(
    string Title,
    string? Description,
    string? Assignee,
    string? CandidateGroup,
    DateTimeOffset? DueAt,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<FormField> Form,
    bool Escalates = true,
    IReadOnlyList<string>? ExcludedUsers = null);

/// <summary>One field a task form asks for. Types: text, multiline, number, date, boolean, choice, checklist.</summary>
public sealed record FormField(string Name, string Label, string Type = "text", bool Required = false, IReadOnlyList<string>? Options = null);

/// <summary>A child flow to start; the parent resumes with the child's variables when it finishes.</summary>
public sealed record SubflowSpec(string DefinitionId, IReadOnlyDictionary<string, object?> Input);

/// <summary>What a resumed activity receives: a task's outcome and form data, a signal's payload, a child's output.</summary>
public sealed record ResumeInput(BookmarkKind Kind)
{
    public string? Outcome { get; init; }
    public IReadOnlyDictionary<string, object?>? Data { get; init; }
    public string? User { get; init; }
}
