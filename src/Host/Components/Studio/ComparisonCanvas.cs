using System.Text.Json;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio;

/// <summary>
/// Two versions on one canvas: the newer version, plus what the older one had and the newer one lost (drawn
/// where the older version put it, dashed), with added, changed and removed activities and connections marked.
/// </summary>
public static class ComparisonCanvas
{
    public static (CanvasModel Model, ComparisonMarks Marks) From(JsonElement older, JsonElement newer, FlowComparison comparison, ActivityRegistry registry)
    {
        var before = FlowJson.TryParse(older.GetRawText(), out _) ?? new WorkflowDefinitionModel();
        var after = FlowJson.TryParse(newer.GetRawText(), out _) ?? new WorkflowDefinitionModel();
        var removedIds = comparison.RemovedActivities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var removedConnections = comparison.RemovedConnections.ToHashSet();
        var union = after with
        {
            Activities = [.. after.Activities ?? [], .. (before.Activities ?? []).Where(a => a.Id is not null && removedIds.Contains(a.Id))],
            Connections = [.. after.Connections ?? [], .. (before.Connections ?? []).Where(c => removedConnections.Contains(FlowConnection.Of(c)))],
        };
        using var json = JsonDocument.Parse(FlowJson.Serialize(union));
        var marks = new ComparisonMarks(
            [.. comparison.AddedActivities.Select(a => a.Id)],
            [.. comparison.ChangedActivities.Select(a => a.Id)],
            [.. removedIds],
            [.. comparison.AddedConnections.Select(Key)],
            [.. comparison.RemovedConnections.Select(Key)]);
        return (CanvasModel.From(json.RootElement, registry), marks);
    }

    private static string Key(FlowConnection c) => CanvasModel.ConnectionId(c.Source ?? "", c.Outcome, c.Target ?? "");
}
