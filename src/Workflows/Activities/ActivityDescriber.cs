using System.Reflection;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Activities;

/// <summary>Turns an activity class into its <see cref="ActivityDescriptor"/> by reflection, once per type.</summary>
public static class ActivityDescriber
{
    public static ActivityDescriptor Describe(Type type)
    {
        if (!typeof(Activity).IsAssignableFrom(type) || type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{type.Name} must be a non-abstract Activity with a public parameterless constructor.");
        var meta = type.GetCustomAttribute<ActivityAttribute>()
            ?? throw new ArgumentException($"{type.Name} has no [Activity] attribute; add one to name its type for flow files.");
        var outcomes = type.GetCustomAttribute<OutcomesAttribute>();
        var prototype = (Activity)Activator.CreateInstance(type)!;
        var inputs = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Input<>))
            .Select(p => DescribeInput(p, prototype))
            .ToList();
        return new ActivityDescriptor(
            meta.Type,
            meta.Category,
            meta.DisplayName ?? meta.Type,
            meta.Description,
            typeof(IBlockingActivity).IsAssignableFrom(type),
            typeof(IJoinActivity).IsAssignableFrom(type),
            inputs,
            outcomes?.Names ?? (outcomes?.FromInput is null ? [Outcomes.Done] : []),
            outcomes?.FromInput is { } from ? JsonName(from) : null)
        {
            Factory = () => (Activity)Activator.CreateInstance(type)!,
        };
    }

    private static InputDescriptor DescribeInput(PropertyInfo property, Activity prototype)
    {
        var meta = property.GetCustomAttribute<InputAttribute>() ?? new InputAttribute();
        var clrType = property.PropertyType.GetGenericArguments()[0];
        var valueType = ValueTypeOf(clrType);
        var current = property.GetValue(prototype);
        var literal = current?.GetType().GetProperty(nameof(Input<object>.Literal))?.GetValue(current);
        return new InputDescriptor(
            JsonName(property.Name),
            valueType,
            meta.Required,
            literal is FlowDuration d ? d.ToString() : literal,
            meta.Description,
            meta.UIHint ?? DefaultHint(valueType, meta.Options),
            meta.Options,
            meta.AllowExpression,
            string.IsNullOrWhiteSpace(meta.Label) ? JsonName(property.Name) : meta.Label)
        {
            Property = property,
            ClrType = clrType,
        };
    }

    internal static string ValueTypeOf(Type clrType)
    {
        var t = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (t == typeof(string)) return "string";
        if (t == typeof(int) || t == typeof(long)) return "integer";
        if (t == typeof(double)) return "number";
        if (t == typeof(bool)) return "boolean";
        if (t == typeof(FlowDuration)) return "duration";
        if (t == typeof(DateTimeOffset)) return "datetime";
        if (t == typeof(IReadOnlyList<string>)) return "string-list";
        if (t == typeof(IReadOnlyList<FormField>)) return "form-fields";
        if (t == typeof(object)) return "object";
        throw new ArgumentException($"Input type {clrType.Name} is not supported by flow files.");
    }

    private static string DefaultHint(string valueType, string[]? options) => options is { Length: > 0 } ? "choice" : valueType switch
    {
        "boolean" => "checkbox",
        "integer" or "number" => "number",
        "duration" => "duration",
        "datetime" => "date",
        "string-list" => "list",
        "form-fields" => "form-fields",
        "object" => "json",
        _ => "text",
    };

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
