using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>The one set of JSON options for flow files, so reading, writing and the store agree.</summary>
public static class FlowJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static string Serialize(WorkflowDefinitionModel model) => JsonSerializer.Serialize(model, Options);

    /// <summary>Parses a flow file; malformed JSON or a wrong shape becomes one error naming its JSON path.</summary>
    public static WorkflowDefinitionModel? TryParse(string json, out FlowError? error)
    {
        try
        {
            var model = JsonSerializer.Deserialize<WorkflowDefinitionModel>(json, Options);
            error = model is null ? new FlowError("$", "the file holds JSON null, expected a flow object") : null;
            return model;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            error = new FlowError(ex.Path ?? "$", Describe(ex) + where);
            return null;
        }
    }

    // System.Text.Json's messages mention .NET type names; a coordinator needs the JSON words.
    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "unknown property";
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            return "wrong type for this property";
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return "malformed JSON: " + (cut > 0 ? message[..cut] : message);
    }
}

/// <summary>One problem in a flow file: where (a JSON path like <c>$.activities[2].inputs.title</c>) and what.</summary>
public sealed record FlowError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
