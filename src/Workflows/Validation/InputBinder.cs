using ProcessEngine.Workflows.Forms;
using System.Globalization;
using System.Text.Json;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Validation;

/// <summary>
/// Binds one JSON input value to an activity's <see cref="Input{T}"/> property: a literal is converted
/// to the declared type now (so a wrong type is a validation error, not a run-time surprise), an
/// <c>{"expression": "..."}</c> object is compiled now and evaluated at run time.
/// </summary>
internal sealed class InputBinder(IExpressionEvaluator expressions)
{
    public object? Bind(InputDescriptor input, JsonElement value, string path, List<FlowError> errors)
    {
        var inputType = typeof(Input<>).MakeGenericType(input.ClrType);
        if (TryGetExpression(value, out var source))
        {
            if (!input.AllowExpression)
            {
                errors.Add(new FlowError(path, $"input '{input.Name}' takes a literal {input.ValueType}, not an expression"));
                return null;
            }
            try
            {
                return inputType.GetMethod(nameof(Input<object>.FromExpression))!.Invoke(null, [expressions.Compile(source)]);
            }
            catch (ExpressionException ex)
            {
                errors.Add(new FlowError(path + ".expression", ex.Message));
                return null;
            }
        }
        if (!TryConvertLiteral(input, value, out var literal, out var problem))
        {
            errors.Add(new FlowError(path, problem!));
            return null;
        }
        if (input.Options is { Count: > 0 } options && literal is string s && !options.Contains(s))
        {
            errors.Add(new FlowError(path, $"'{s}' is not one of the allowed values: {string.Join(", ", options)}"));
            return null;
        }
        return inputType.GetMethod(nameof(Input<object>.FromLiteral))!.Invoke(null, [literal]);
    }

    private static bool TryGetExpression(JsonElement value, out string source)
    {
        source = "";
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("expression", out var expression)) return false;
        source = expression.ValueKind == JsonValueKind.String ? expression.GetString() ?? "" : "";
        return true;
    }

    internal static bool TryConvertLiteral(InputDescriptor input, JsonElement value, out object? literal, out string? problem)
    {
        literal = null;
        problem = null;
        var expected = input.ValueType;
        if (value.ValueKind == JsonValueKind.Null) return true;
        switch (expected)
        {
            case "string" when value.ValueKind == JsonValueKind.String:
                literal = value.GetString();
                return true;
            case "integer" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var whole):
                literal = whole;
                return true;
            case "number" when value.ValueKind == JsonValueKind.Number:
                literal = value.GetDouble();
                return true;
            case "boolean" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                literal = value.GetBoolean();
                return true;
            case "duration" when value.ValueKind == JsonValueKind.String:
                if (FlowDuration.TryParse(value.GetString(), out var duration, out var error)) { literal = duration; return true; }
                problem = error;
                return false;
            case "datetime" when value.ValueKind == JsonValueKind.String:
                if (FlowMoment.TryParse(value.GetString(), out var at)) { literal = at; return true; }
                problem = $"'{value.GetString()}' is not a date-time (use ISO 8601, e.g. 2026-03-01T09:00:00Z, or a date, 2026-03-01, for 00:00 in Amsterdam)";
                return false;
            case "string-list" when value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String):
                literal = value.EnumerateArray().Select(e => e.GetString()!).ToList();
                return true;
            case "form-fields" when value.ValueKind == JsonValueKind.Array:
                return TryReadFormFields(value, out literal, out problem);
            case "object":
                literal = VariableValues.FromJson(value);
                return true;
        }
        problem = $"expected {Article(expected)} for input '{input.Name}', found {Describe(value.ValueKind)}";
        return false;
    }

    private static bool TryReadFormFields(JsonElement value, out object? literal, out string? problem)
    {
        literal = null;
        problem = null;
        var fields = new List<FormField>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                problem = $"form field [{index}] needs at least a \"name\" (text)";
                return false;
            }
            FormField field;
            try
            {
                field = item.Deserialize<FormField>(VariableValues.JsonOptions)!;
                field = field with { Label = field.Label ?? field.Name, Type = field.Type ?? FormFieldTypes.Text };
            }
            catch (JsonException ex)
            {
                problem = $"form field [{index}] is not valid: {ex.Message}";
                return false;
            }
            problem = FormFieldProblem(field, index, fields);
            if (problem is not null) return false;
            fields.Add(field);
            index++;
        }
        literal = fields;
        return true;
    }

    private static string? FormFieldProblem(FormField field, int index, List<FormField> earlier)
    {
        if (string.IsNullOrWhiteSpace(field.Name)) return $"form field [{index}] needs a name";
        if (earlier.Any(f => f.Name == field.Name)) return $"form field [{index}] repeats the name '{field.Name}'";
        if (!FormFieldTypes.All.Contains(field.Type))
            return $"form field [{index}] '{field.Name}' has unknown type '{field.Type}'; types: {string.Join(", ", FormFieldTypes.All)}";
        if (FormFieldTypes.NeedsOptions(field.Type) && field.Options is not { Count: > 0 })
            return $"form field [{index}] '{field.Name}' is a {field.Type} and needs \"options\"";
        return null;
    }

    private static string Article(string valueType) => valueType switch
    {
        "integer" => "an integer",
        "object" => "an object",
        "string-list" => "a list of texts",
        "form-fields" => "a list of form fields",
        "duration" => "a duration text (e.g. \"P3M\", \"5 werkdagen\")",
        _ => "a " + valueType,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
