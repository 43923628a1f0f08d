using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// What changed between two versions of a flow: activities (matched by id) and connections (matched by
/// source, outcome and target). Designer positions are left out on purpose: moving a node changes nothing
/// a case goes through, and listing it would bury the changes that do.
/// </summary>
public sealed record FlowComparison(
    IReadOnlyList<ActivitySummary> AddedActivities,
    IReadOnlyList<ActivitySummary> RemovedActivities,
    IReadOnlyList<ActivityChange> ChangedActivities,
    IReadOnlyList<FlowConnection> AddedConnections,
    IReadOnlyList<FlowConnection> RemovedConnections)
{
    public bool IsEmpty => AddedActivities.Count == 0 && RemovedActivities.Count == 0 && ChangedActivities.Count == 0
        && AddedConnections.Count == 0 && RemovedConnections.Count == 0;

    public static FlowComparison Compare(WorkflowDefinitionModel older, WorkflowDefinitionModel newer)
    {
        var before = Activities(older);
        var after = Activities(newer);
        var connectionsBefore = Connections(older);
        var connectionsAfter = Connections(newer);
        return new FlowComparison(
            [.. after.Values.Where(a => !before.ContainsKey(a.Id!)).Select(ActivitySummary.Of)],
            [.. before.Values.Where(a => !after.ContainsKey(a.Id!)).Select(ActivitySummary.Of)],
            [.. after.Values.Where(a => before.ContainsKey(a.Id!))
                .Select(a => ActivityChange.Between(before[a.Id!], a)).OfType<ActivityChange>()],
            [.. connectionsAfter.Where(c => !connectionsBefore.Contains(c))],
            [.. connectionsBefore.Where(c => !connectionsAfter.Contains(c))]);
    }

    // Activities without an id cannot be matched across versions; the compiler reports them, so they are skipped here.
    private static Dictionary<string, ActivityModel> Activities(WorkflowDefinitionModel flow) =>
        (flow.Activities ?? []).Where(a => a.Id is not null).DistinctBy(a => a.Id).ToDictionary(a => a.Id!, StringComparer.Ordinal);

    private static List<FlowConnection> Connections(WorkflowDefinitionModel flow) =>
        [.. (flow.Connections ?? []).Select(FlowConnection.Of).Distinct()];
}

public sealed record ActivitySummary(string Id, string? Type, string? DisplayName)
{
    public static ActivitySummary Of(ActivityModel activity) => new(activity.Id!, activity.Type, activity.DisplayName);
}

/// <summary>One activity present in both versions, with what differs; null from <see cref="Between"/> when nothing does.</summary>
public sealed record ActivityChange(string Id, string? DisplayName, ValueChange? Type, ValueChange? DisplayNameChange,
    IReadOnlyList<InputChange> Inputs)
{
    public static ActivityChange? Between(ActivityModel older, ActivityModel newer)
    {
        var type = ValueChange.Of(older.Type, newer.Type);
        var name = ValueChange.Of(older.DisplayName, newer.DisplayName);
        var inputs = InputChange.Between(older.Inputs ?? [], newer.Inputs ?? []);
        return type is null && name is null && inputs.Count == 0
            ? null
            : new ActivityChange(newer.Id!, newer.DisplayName ?? older.DisplayName, type, name, inputs);
    }
}

public sealed record ValueChange(string? Old, string? New)
{
    public static ValueChange? Of(string? older, string? newer) => older == newer ? null : new ValueChange(older, newer);
}

/// <summary>An input added (Old null), removed (New null) or changed, each side as compact JSON text.</summary>
public sealed record InputChange(string Name, string? Old, string? New)
{
    // Relaxed escaping keeps Dutch text (é, ë) readable instead of \u00E9 in the studio's list.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<InputChange> Between(IReadOnlyDictionary<string, JsonElement> older, IReadOnlyDictionary<string, JsonElement> newer)
    {
        var changes = new List<InputChange>();
        foreach (var name in older.Keys.Union(newer.Keys).Order(StringComparer.Ordinal))
        {
            var had = older.TryGetValue(name, out var before);
            var has = newer.TryGetValue(name, out var after);
            // DeepEquals ignores formatting and property order, which differ between a hand-written file and a saved draft.
            if (had && has && JsonElement.DeepEquals(before, after)) continue;
            changes.Add(new InputChange(name, had ? Text(before) : null, has ? Text(after) : null));
        }
        return changes;
    }

    public static string Text(JsonElement value) => JsonSerializer.Serialize(value, Compact);
}

public sealed record FlowConnection(string? Source, string Outcome, string? Target)
{
    /// <summary>The outcome defaults to "Done" as in the file format, so an omitted and an explicit "Done" are the same connection.</summary>
    public static FlowConnection Of(ConnectionModel connection) => new(connection.Source, connection.Outcome ?? "Done", connection.Target);
}
