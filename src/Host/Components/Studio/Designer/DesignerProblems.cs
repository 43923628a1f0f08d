using System.Text.RegularExpressions;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The engine's errors placed on the canvas: by the activity or connection their JSON path points into
/// (<c>$.activities[3].inputs.title</c> → that activity). The canvas only draws them; the rules are the compiler's.
/// </summary>
public sealed partial record DesignerProblems(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Activities,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Connections)
{
    public static DesignerProblems None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(), new Dictionary<string, IReadOnlyList<string>>());

    public static DesignerProblems From(IReadOnlyList<FlowError> errors, DesignerDraft draft)
    {
        var activities = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var connections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (ActivityOf(error, draft) is { } id) Add(activities, id, error.Message);
            else if (ConnectionOf(error, draft) is { } connection)
                Add(connections, CanvasModel.ConnectionId(connection.Source ?? "", connection.Outcome ?? "Done", connection.Target ?? ""), error.Message);
        }
        return new(activities.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value),
            connections.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value));
    }

    /// <summary>The id of the activity an error is about, when its path points into one.</summary>
    public static string? ActivityOf(FlowError error, DesignerDraft draft)
    {
        var match = ActivityPath().Match(error.Path);
        return match.Success && int.Parse(match.Groups[1].Value) is var i && i < draft.Activities.Count ? draft.Activities[i].Id : null;
    }

    private static ConnectionModel? ConnectionOf(FlowError error, DesignerDraft draft)
    {
        var match = ConnectionPath().Match(error.Path);
        return match.Success && int.Parse(match.Groups[1].Value) is var i && i < draft.Connections.Count ? draft.Connections[i] : null;
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string message)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(message);
    }

    [GeneratedRegex(@"^\$\.activities\[(\d+)\]")]
    private static partial Regex ActivityPath();

    [GeneratedRegex(@"^\$\.connections\[(\d+)\]")]
    private static partial Regex ConnectionPath();
}
