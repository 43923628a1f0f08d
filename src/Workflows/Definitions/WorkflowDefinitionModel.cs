using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// The JSON shape of one flow file (workflows-json/*.json). Everything is optional at this level so that
/// <see cref="Validation.FlowCompiler"/> can report a missing field with its JSON path instead of the
/// serializer throwing on the first one.
/// </summary>
public sealed record WorkflowDefinitionModel
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>Informational in a file; the store assigns real version numbers when a flow is saved.</summary>
    public int? Version { get; init; }
    /// <summary>The activity the flow starts at; when absent, the one activity without incoming connections.</summary>
    public string? Start { get; init; }
    public List<VariableModel>? Variables { get; init; }
    public List<ActivityModel>? Activities { get; init; }
    public List<ConnectionModel>? Connections { get; init; }
    /// <summary>Saved proefritten: replayed by <c>-- test-flows</c> and the studio to catch a change that moves a path or a date.</summary>
    public List<ScenarioModel>? Scenarios { get; init; }
}

public sealed record VariableModel
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public JsonElement? Default { get; init; }
}

public sealed record ActivityModel
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>Each value is a JSON literal, or <c>{ "expression": "js" }</c> evaluated at run time.</summary>
    public Dictionary<string, JsonElement>? Inputs { get; init; }
    public DesignerPosition? Position { get; init; }
}

public sealed record DesignerPosition(double X, double Y);

public sealed record ConnectionModel
{
    public string? Source { get; init; }
    /// <summary>The outcome port of the source; "Done" when omitted.</summary>
    public string? Outcome { get; init; }
    public string? Target { get; init; }
}
