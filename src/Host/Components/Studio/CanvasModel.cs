using System.Text.Json;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio;

/// <summary>One activity as the canvas draws it: label, type, designer position (if any) and its outcome ports.</summary>
public sealed record CanvasActivity(string Id, string Label, string Type, double? X, double? Y, IReadOnlyList<string> Outcomes);

/// <summary>One connection: from an outcome port of the source to the target.</summary>
public sealed record CanvasConnection(string Id, string Source, string Outcome, string Target);

/// <summary>
/// What the JS canvas needs of a flow and nothing more: the canvas only draws, so every decision about
/// names and ports is made here, where the activity descriptors are.
/// </summary>
public sealed record CanvasModel(IReadOnlyList<CanvasActivity> Activities, IReadOnlyList<CanvasConnection> Connections)
{
    private const string Done = "Done";

    /// <summary>
    /// A canvas model of a flow's JSON. A draft may be half-finished, so unknown types and dangling
    /// connections are drawn as far as possible rather than refused (the error list names them).
    /// </summary>
    public static CanvasModel From(JsonElement flow, ActivityRegistry registry)
    {
        var model = FlowJson.TryParse(flow.GetRawText(), out _) ?? new WorkflowDefinitionModel();
        var connections = (model.Connections ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c.Source) && !string.IsNullOrWhiteSpace(c.Target))
            .Select(c => (Source: c.Source!, Outcome: string.IsNullOrWhiteSpace(c.Outcome) ? Done : c.Outcome!, Target: c.Target!))
            .ToList();
        var activities = (model.Activities ?? []).Where(a => !string.IsNullOrWhiteSpace(a.Id)).DistinctBy(a => a.Id).Select(a =>
        {
            var descriptor = a.Type is null ? null : registry.Find(a.Type);
            var used = connections.Where(c => c.Source == a.Id).Select(c => c.Outcome);
            return new CanvasActivity(a.Id!, string.IsNullOrWhiteSpace(a.DisplayName) ? descriptor?.DisplayName ?? a.Id! : a.DisplayName,
                a.Type ?? "?", a.Position?.X, a.Position?.Y, [.. DeclaredOutcomes(a, descriptor).Concat(used).Distinct()]);
        }).ToList();
        var ids = activities.Select(a => a.Id).ToHashSet();
        return new CanvasModel(activities, [.. connections
            .Where(c => ids.Contains(c.Source) && ids.Contains(c.Target))
            .Select(c => new CanvasConnection(ConnectionId(c.Source, c.Outcome, c.Target), c.Source, c.Outcome, c.Target))
            .DistinctBy(c => c.Id)]);
    }

    /// <summary>The id the canvas gives a connection, so C# can name connections to highlight.</summary>
    public static string ConnectionId(string source, string outcome, string target) => $"{source}:{outcome}->{target}";

    // The descriptor's fixed outcomes, then those listed in the input that names them (a Decision's cases, a
    // Fork's branches), or that input's default when the flow leaves it out (a new task's "Afgerond"), as the
    // compiler does; an expression there is only known at run time, so the connections supply the rest.
    private static IEnumerable<string> DeclaredOutcomes(ActivityModel activity, ActivityDescriptor? descriptor) =>
        KnownOutcomes(activity, descriptor) ?? descriptor?.Outcomes ?? [];

    /// <summary>
    /// The outcomes an activity has by its descriptor and inputs, or null when they cannot be known before it runs
    /// (an unknown type, or the list is an expression).
    /// </summary>
    public static IReadOnlyList<string>? KnownOutcomes(ActivityModel activity, ActivityDescriptor? descriptor)
    {
        if (descriptor is null) return null;
        if (descriptor.OutcomesFromInput is not { } inputName) return descriptor.Outcomes;
        var given = (activity.Inputs ?? []).FirstOrDefault(i => string.Equals(i.Key, inputName, StringComparison.OrdinalIgnoreCase));
        if (given.Key is not null && given.Value.ValueKind != JsonValueKind.Array) return null;
        IEnumerable<string> listed = given.Key is null
            ? descriptor.FindInput(inputName)?.Default as IEnumerable<string> ?? []
            : given.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
        return [.. descriptor.Outcomes.Concat(listed)];
    }
}
