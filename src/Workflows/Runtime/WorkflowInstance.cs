using System.Text.Json;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// One running flow (for the RVT route: one traject). State changes only through these methods; the
/// runner saves the instance with <see cref="Version"/> as an optimistic concurrency token, so two nodes
/// that resume the same instance at once cannot both commit.
/// </summary>
public sealed class WorkflowInstance
{
    private Dictionary<string, object?>? _variables;
    private InstanceState? _state;

    private WorkflowInstance() { }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int DefinitionVersion { get; private set; }
    public WorkflowStatus Status { get; private set; }
    public string? CorrelationId { get; private set; }
    public Guid? ParentInstanceId { get; private set; }
    public Guid? ParentBookmarkId { get; private set; }
    public string InputJson { get; private set; } = "{}";
    public string VariablesJson { get; private set; } = "{}";
    /// <summary>Join counters and, after a fault, the activities still to run: what a retry needs.</summary>
    public string StateJson { get; private set; } = "{}";
    public string? FaultedActivityId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public int Version { get; private set; }
    /// <summary>How many journal entries the instance has; orders its journal even when the clock stands still.</summary>
    public int JournalCount { get; private set; }

    public static WorkflowInstance Create(string definitionId, int version, IReadOnlyDictionary<string, object?> input,
        string? correlationId, DateTimeOffset now, Guid? parentInstanceId = null, Guid? parentBookmarkId = null) => new()
    {
        Id = Guid.CreateVersion7(now),
        DefinitionId = definitionId,
        DefinitionVersion = version,
        Status = WorkflowStatus.Running,
        CorrelationId = correlationId,
        ParentInstanceId = parentInstanceId,
        ParentBookmarkId = parentBookmarkId,
        InputJson = input.Count == 0 ? "{}" : JsonSerializer.Serialize(input, VariableValues.JsonOptions),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public Dictionary<string, object?> Variables => _variables ??= VariableValues.Deserialize(VariablesJson);
    internal InstanceState State => _state ??= InstanceState.Deserialize(StateJson);
    public bool IsActive => Status is WorkflowStatus.Running or WorkflowStatus.Suspended;

    public IReadOnlyDictionary<string, object?> ReadInput() => VariableValues.Deserialize(InputJson);

    internal int NextJournalSequence() => ++JournalCount;

    internal void MarkRunning(DateTimeOffset now) { Status = WorkflowStatus.Running; UpdatedAt = now; }
    internal void Suspend(DateTimeOffset now) { Status = WorkflowStatus.Suspended; UpdatedAt = now; }

    /// <summary>Onto another version of its flow (a migration): what it waits for was moved beside it, join counters replaced.</summary>
    internal void MoveTo(int version, IReadOnlyDictionary<string, int> joinTokens, DateTimeOffset now)
    {
        DefinitionVersion = version;
        State.JoinTokens = new Dictionary<string, int>(joinTokens);
        UpdatedAt = now;
    }

    internal void Finish(DateTimeOffset now, WorkflowStatus final = WorkflowStatus.Finished)
    {
        Status = final;
        UpdatedAt = now;
        FinishedAt = now;
        State.Pending.Clear();
        State.JoinTokens.Clear();
    }

    internal void Fault(string activityId, IEnumerable<string> stillToRun, DateTimeOffset now)
    {
        Status = WorkflowStatus.Faulted;
        FaultedActivityId = activityId;
        State.Pending.Clear();
        State.Pending.Add(activityId);
        State.Pending.AddRange(stillToRun);
        UpdatedAt = now;
    }

    internal IReadOnlyList<string> TakePendingForRetry(DateTimeOffset now)
    {
        var pending = State.Pending.ToList();
        State.Pending.Clear();
        FaultedActivityId = null;
        MarkRunning(now);
        return pending;
    }

    /// <summary>Serialises the in-memory variables and state before a save, and bumps the version.</summary>
    internal int PrepareSave()
    {
        if (_variables is not null) VariablesJson = VariableValues.Serialize(_variables);
        if (_state is not null) StateJson = _state.Serialize();
        return Version++;
    }

    /// <summary>A copy detached from this object, for the in-memory store (which must not share mutable state).</summary>
    internal WorkflowInstance Clone()
    {
        var copy = (WorkflowInstance)MemberwiseClone();
        copy._variables = null;
        copy._state = null;
        return copy;
    }

    /// <summary>This instance as one of a graph's copies (synthetic data: <see cref="Persistence.Copying.InstanceGraph"/>).</summary>
    internal WorkflowInstance CopyFor(Persistence.Copying.GraphCopy c)
    {
        var copy = Clone();
        copy.Id = c.Id(Id);
        copy.DefinitionVersion = c.Version(DefinitionId, DefinitionVersion);
        copy.ParentInstanceId = c.Id(ParentInstanceId);
        copy.ParentBookmarkId = c.Id(ParentBookmarkId);
        copy.CorrelationId = c.Correlation(CorrelationId);
        copy.InputJson = c.Json(InputJson);
        copy.VariablesJson = c.Json(VariablesJson);
        copy.StateJson = c.Json(StateJson);
        copy.CreatedAt = c.At(CreatedAt);
        copy.UpdatedAt = c.At(UpdatedAt);
        copy.FinishedAt = c.At(FinishedAt);
        return copy;
    }
}
