using System.Text.Json;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// A prompt for a person, created by a suspended human-task activity. Indexed for the inbox (open tasks
/// by assignee, by candidate group, by due date). <see cref="Version"/> guards against two completions.
/// </summary>
public sealed class UserTask
{
    private UserTask() { }

    public Guid Id { get; private set; }
    public Guid InstanceId { get; private set; }
    public Guid BookmarkId { get; private set; }
    public string ActivityId { get; private set; } = "";
    public string DefinitionId { get; private set; } = "";
    public string? CorrelationId { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public string? Assignee { get; private set; }
    public string? CandidateGroup { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public string OutcomesJson { get; private set; } = "[]";
    public string FormJson { get; private set; } = "[]";
    public UserTaskStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public string? CompletedBy { get; private set; }
    public string? Outcome { get; private set; }
    public string? ResultJson { get; private set; }
    public int Version { get; private set; }

    /// <summary>False for a step that is never escalated when it stays open (a reflection, a "goed genoeg" moment): taking time there is the point.</summary>
    public bool Escalates { get; private set; } = true;

    /// <summary>
    /// Bewust vertraagd: the holder (or the duo partner) chose to take more time, until this moment, for <see cref="SlowedReason"/>.
    /// The due moment moved with it, so nothing reminds or escalates before then.
    /// </summary>
    public DateTimeOffset? SlowedUntil { get; private set; }
    public string? SlowedReason { get; private set; }
    public string? SlowedBy { get; private set; }

    /// <summary>Whether the task is consciously slowed at <paramref name="now"/>: open, and its chosen moment not yet reached.</summary>
    public bool IsSlowedAt(DateTimeOffset now) => Status == UserTaskStatus.Open && SlowedUntil > now;

    /// <summary>Who may not claim or complete the task (those involved in what it reviews), as a JSON list.</summary>
    public string ExcludedUsersJson { get; private set; } = "[]";

    public IReadOnlyList<string> ExcludedUsers => JsonSerializer.Deserialize<List<string>>(ExcludedUsersJson, VariableValues.JsonOptions) ?? [];

    public bool Excludes(string? user) => user is not null && ExcludedUsersJson != "[]" && ExcludedUsers.Contains(user, StringComparer.Ordinal);

    public IReadOnlyList<string> Outcomes => JsonSerializer.Deserialize<List<string>>(OutcomesJson, VariableValues.JsonOptions) ?? [];
    public IReadOnlyList<FormField> Form => JsonSerializer.Deserialize<List<FormField>>(FormJson, VariableValues.JsonOptions) ?? [];

    internal static UserTask Create(WorkflowInstance instance, Bookmark bookmark, TaskSpec spec, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        InstanceId = instance.Id,
        BookmarkId = bookmark.Id,
        ActivityId = bookmark.ActivityId,
        DefinitionId = instance.DefinitionId,
        CorrelationId = instance.CorrelationId,
        Title = spec.Title,
        Description = spec.Description,
        Assignee = spec.Assignee,
        CandidateGroup = spec.CandidateGroup,
        DueAt = spec.DueAt?.ToUniversalTime(),
        OutcomesJson = JsonSerializer.Serialize(spec.Outcomes, VariableValues.JsonOptions),
        FormJson = JsonSerializer.Serialize(spec.Form, VariableValues.JsonOptions),
        Status = UserTaskStatus.Open,
        CreatedAt = now,
        Escalates = spec.Escalates,
        ExcludedUsersJson = JsonSerializer.Serialize((spec.ExcludedUsers ?? []).Where(u => !string.IsNullOrWhiteSpace(u)).Distinct().Order(StringComparer.Ordinal),
            VariableValues.JsonOptions),
    };

    internal void Complete(string outcome, string? user, IReadOnlyDictionary<string, object?> data, DateTimeOffset now)
    {
        EnsureOpen();
        Status = UserTaskStatus.Completed;
        Outcome = outcome;
        CompletedBy = user;
        CompletedAt = now;
        ResultJson = VariableValues.Serialize(data);
    }

    internal void Cancel(DateTimeOffset now)
    {
        if (Status is not (UserTaskStatus.Open or UserTaskStatus.OnHold))
            throw new InvalidOperationException($"Task {Id} is {Status}; only an open or held task can be cancelled.");
        Status = UserTaskStatus.Cancelled;
        CompletedAt = now;
    }

    /// <summary>Who holds the task; null gives it back to its candidate group.</summary>
    internal void Assign(string? user)
    {
        if (Status is not (UserTaskStatus.Open or UserTaskStatus.OnHold))
            throw new InvalidOperationException($"Task {Id} is {Status}; only an open or held task can change hands.");
        Assignee = user;
    }

    /// <summary>Bewust vertragen: the task's due moment becomes <paramref name="until"/>, with why and by whom.</summary>
    internal void Slow(DateTimeOffset until, string reason, string by)
    {
        EnsureOpen();
        DueAt = until.ToUniversalTime();
        SlowedUntil = DueAt;
        SlowedReason = reason;
        SlowedBy = by;
    }

    internal void Hold()
    {
        EnsureOpen();
        Status = UserTaskStatus.OnHold;
    }

    internal void Release()
    {
        if (Status != UserTaskStatus.OnHold) throw new InvalidOperationException($"Task {Id} is {Status}, not on hold.");
        Status = UserTaskStatus.Open;
    }

    /// <summary>
    /// Asks what the new flow version's activity asks (a migration): its title, text, form, outcomes, group and whether it
    /// escalates, the holder
    /// and moment the plan decided. Status, claim history and answers given stay.
    /// </summary>
    internal void MoveTo(string activityId, TaskSpec spec, DateTimeOffset? dueAt, string? assignee)
    {
        if (Status is not (UserTaskStatus.Open or UserTaskStatus.OnHold))
            throw new InvalidOperationException($"Task {Id} is {Status}; only an open or held task can move.");
        ActivityId = activityId;
        Title = spec.Title;
        Description = spec.Description;
        CandidateGroup = spec.CandidateGroup;
        Assignee = assignee;
        DueAt = dueAt;
        OutcomesJson = JsonSerializer.Serialize(spec.Outcomes, VariableValues.JsonOptions);
        FormJson = JsonSerializer.Serialize(spec.Form, VariableValues.JsonOptions);
        Escalates = spec.Escalates;
    }

    internal int PrepareSave() => Version++;
    internal UserTask Clone() => (UserTask)MemberwiseClone();

    internal UserTask CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = Clone();
        copy.Id = c.Id(Id);
        copy.InstanceId = c.Id(InstanceId);
        copy.BookmarkId = c.Id(BookmarkId);
        copy.CorrelationId = c.Correlation(CorrelationId);
        copy.DueAt = c.At(DueAt);
        copy.SlowedUntil = c.At(SlowedUntil);
        copy.CreatedAt = c.At(CreatedAt);
        copy.CompletedAt = c.At(CompletedAt);
        copy.ResultJson = c.JsonOrNull(ResultJson);
        return copy;
    }

    private void EnsureOpen()
    {
        if (Status != UserTaskStatus.Open)
            throw new InvalidOperationException($"Task {Id} is {Status}; only an open task can change.");
    }
}
