namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// One stored version of a flow. A published version is immutable: publishing a changed flow adds a
/// version with the next number, and running instances keep the version they started on.
/// </summary>
public sealed class WorkflowDefinitionRecord
{
    private WorkflowDefinitionRecord() { }

    public Guid Id { get; private set; }
    public string DefinitionId { get; private set; } = "";
    public int Version { get; private set; }
    public string Name { get; private set; } = "";
    public string Json { get; private set; } = "";
    public bool IsPublished { get; private set; }
    /// <summary>The version new instances start on (at most one per definition).</summary>
    public bool IsLive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>Who wrote this version: <see cref="ShippedOrigin"/> (a file in workflows-json) or <see cref="StudioOrigin"/> (a coordinator).</summary>
    public string Origin { get; private set; } = StudioOrigin;

    public const string ShippedOrigin = "shipped";
    public const string StudioOrigin = "studio";

    public bool IsDraft => !IsPublished;

    /// <summary>
    /// Which save of which version this is ("3-1796…", version and the millisecond of the last save): a studio that saves with
    /// the stamp it loaded is refused when someone else saved the flow since, instead of silently overwriting their work.
    /// Milliseconds, because a database keeps fewer digits of a moment than memory does.
    /// </summary>
    public string Stamp => $"{Version}-{UpdatedAt.ToUnixTimeMilliseconds()}";

    internal static WorkflowDefinitionRecord CreateDraft(string definitionId, int version, string name, string json, DateTimeOffset now,
        string origin = StudioOrigin) => new()
    {
        Origin = origin,
        Id = Guid.CreateVersion7(now),
        DefinitionId = definitionId,
        Version = version,
        Name = name,
        Json = json,
        CreatedAt = now,
        UpdatedAt = WholeMilliseconds(now),
    };

    private static DateTimeOffset WholeMilliseconds(DateTimeOffset moment) => DateTimeOffset.FromUnixTimeMilliseconds(moment.ToUnixTimeMilliseconds());

    internal void UpdateDraft(string name, string json, DateTimeOffset now, string origin)
    {
        Origin = origin;
        if (IsPublished) throw new InvalidOperationException($"Version {Version} of '{DefinitionId}' is published and cannot change.");
        Name = name;
        Json = json;
        UpdatedAt = WholeMilliseconds(now);
    }

    internal void Publish(DateTimeOffset now)
    {
        IsPublished = true;
        IsLive = true;
        PublishedAt = now;
        UpdatedAt = now;
    }

    internal void Retire() => IsLive = false;
    internal WorkflowDefinitionRecord Clone() => (WorkflowDefinitionRecord)MemberwiseClone();
}
