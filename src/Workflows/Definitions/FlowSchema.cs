using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProcessEngine.Workflows.Activities;

namespace ProcessEngine.Workflows.Definitions;

/// <summary>
/// Generates the JSON Schema of flow files from the activity descriptors, so editors can complete and
/// check a flow while it is typed. The schema is a convenience for editors; the engine's own validation
/// (<see cref="Validation.FlowCompiler"/>) is the authority and also checks what a schema cannot
/// (reachability, cycles, outcomes, expressions).
/// </summary>
public static class FlowSchema
{
    public static string Generate(ActivityRegistry registry)
    {
        var types = registry.All.OrderBy(d => d.Type, StringComparer.Ordinal).ToList();
        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "flow.schema.json",
            ["title"] = "ProcessEngine flow",
            ["type"] = "object",
            ["required"] = Array("id", "name", "activities"),
            ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["$schema"] = Type("string"),
                ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z0-9_-]+$" },
                ["name"] = Type("string"),
                ["description"] = Type("string"),
                ["version"] = Type("integer"),
                ["start"] = new JsonObject { ["type"] = "string", ["description"] = "Id of the first activity; default: the one activity without incoming connections." },
                ["variables"] = ArrayOf(new JsonObject
                {
                    ["type"] = "object", ["required"] = Array("name"), ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["name"] = Type("string"), ["description"] = Type("string"), ["default"] = new JsonObject() },
                }),
                ["activities"] = ArrayOf(new JsonObject
                {
                    ["type"] = "object", ["required"] = Array("id", "type"), ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["id"] = Type("string"),
                        ["type"] = new JsonObject { ["enum"] = Array([.. types.Select(t => t.Type)]) },
                        ["displayName"] = Type("string"),
                        ["description"] = Type("string"),
                        ["inputs"] = Type("object"),
                        ["position"] = new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject { ["x"] = Type("number"), ["y"] = Type("number") },
                        },
                    },
                    ["allOf"] = new JsonArray([.. types.Select(InputsRule)]),
                }),
                ["connections"] = ArrayOf(new JsonObject
                {
                    ["type"] = "object", ["required"] = Array("source", "target"), ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["source"] = Type("string"), ["outcome"] = Type("string"), ["target"] = Type("string") },
                }),
                ["scenarios"] = ArrayOf(Scenario()),
            },
            ["$defs"] = new JsonObject
            {
                ["expression"] = new JsonObject
                {
                    ["type"] = "object", ["required"] = Array("expression"), ["additionalProperties"] = false,
                    ["properties"] = new JsonObject { ["expression"] = new JsonObject { ["type"] = "string", ["description"] = "JavaScript over variables, input, now and correlationId." } },
                },
            },
        };
        return schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private static JsonObject InputsRule(ActivityDescriptor descriptor)
    {
        var properties = new JsonObject();
        foreach (var input in descriptor.Inputs)
        {
            var literal = ValueSchema(input);
            literal["description"] = input.Description;
            properties[input.Name] = input.AllowExpression
                ? new JsonObject { ["anyOf"] = new JsonArray(literal, new JsonObject { ["$ref"] = "#/$defs/expression" }) }
                : literal;
        }
        var required = descriptor.Inputs.Where(i => i.Required && i.Default is null).Select(i => i.Name).ToArray();
        return new JsonObject
        {
            ["if"] = new JsonObject { ["properties"] = new JsonObject { ["type"] = new JsonObject { ["const"] = descriptor.Type } } },
            ["then"] = new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["inputs"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = properties, ["required"] = Array(required) },
                },
            },
        };
    }

    private static JsonObject ValueSchema(InputDescriptor input) => input.ValueType switch
    {
        "string" when input.Options is { Count: > 0 } options => new JsonObject { ["enum"] = Array([.. options]) },
        "string" or "duration" or "datetime" => Type("string"),
        "integer" => Type("integer"),
        "number" => Type("number"),
        "boolean" => Type("boolean"),
        "string-list" => ArrayOf(Type("string")),
        "form-fields" => ArrayOf(new JsonObject
        {
            ["type"] = "object", ["required"] = Array("name"),
            ["properties"] = new JsonObject
            {
                ["name"] = Type("string"), ["label"] = Type("string"), ["required"] = Type("boolean"),
                ["type"] = new JsonObject { ["enum"] = Array("text", "multiline", "number", "date", "boolean", "choice", "checklist") },
                ["options"] = ArrayOf(Type("string")),
            },
        }),
        _ => new JsonObject(),
    };

    // A saved proefrit (see ScenarioModel): moments are Europe/Amsterdam wall clock.
    private static JsonObject Scenario()
    {
        var moment = new JsonObject { ["type"] = "string", ["pattern"] = "^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?$" };
        return new JsonObject
        {
            ["type"] = "object", ["required"] = Array("name", "start"), ["additionalProperties"] = false,
            ["properties"] = new JsonObject
            {
                ["name"] = Type("string"),
                ["description"] = Type("string"),
                ["start"] = moment.DeepClone(),
                ["input"] = Type("object"),
                ["steps"] = ArrayOf(new JsonObject
                {
                    ["type"] = "object", ["additionalProperties"] = false,
                    ["properties"] = new JsonObject
                    {
                        ["at"] = moment.DeepClone(), ["task"] = Type("string"), ["flow"] = Type("string"), ["outcome"] = Type("string"),
                        ["answers"] = Type("object"), ["signal"] = Type("string"), ["data"] = Type("object"), ["until"] = moment.DeepClone(),
                    },
                }),
                ["expected"] = ArrayOf(Type("string")),
            },
        };
    }

    private static JsonObject Type(string type) => new() { ["type"] = type };
    private static JsonObject ArrayOf(JsonNode items) => new() { ["type"] = "array", ["items"] = items };
    private static JsonArray Array(params string[] values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
