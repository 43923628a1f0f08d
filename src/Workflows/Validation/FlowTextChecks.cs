using System.Text.Json;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Workflows.Validation;

/// <summary>
/// Runs the application's <see cref="IFlowTextRule"/>s over every literal text of a flow, naming each finding by its JSON
/// path. Expressions are code, not text, and are left to the expression checks; saved scenarios replay through the task
/// form rules instead.
/// </summary>
internal static class FlowTextChecks
{
    public static void Check(WorkflowDefinitionModel model, IReadOnlyList<IFlowTextRule> rules, List<FlowError> errors)
    {
        if (rules.Count == 0) return;
        void Text(string path, string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return;
            foreach (var rule in rules)
                if (rule.Problem(text) is { } problem)
                {
                    errors.Add(new(path, problem));
                    return;
                }
        }
        Text("$.name", model.Name);
        Text("$.description", model.Description);
        for (var i = 0; i < (model.Variables?.Count ?? 0); i++) Text($"$.variables[{i}].description", model.Variables![i].Description);
        for (var i = 0; i < (model.Activities?.Count ?? 0); i++)
        {
            var activity = model.Activities![i];
            Text($"$.activities[{i}].displayName", activity.DisplayName);
            Text($"$.activities[{i}].description", activity.Description);
            foreach (var (name, value) in activity.Inputs ?? [])
                Literals($"$.activities[{i}].inputs.{name}", value, Text);
        }
    }

    private static void Literals(string path, JsonElement value, Action<string, string?> text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text(path, value.GetString());
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray()) Literals($"{path}[{index++}]", item, text);
                break;
            case JsonValueKind.Object when !value.TryGetProperty("expression", out _):
                foreach (var property in value.EnumerateObject()) Literals($"{path}.{property.Name}", property.Value, text);
                break;
        }
    }
}
