using System.Reflection;

namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// Everything the studio and the validator need to know about an activity type, read once from its
/// attributes. The class stays the single source of truth: nothing is repeated by hand in the UI.
/// </summary>
public sealed record ActivityDescriptor(
    string Type,
    string Category,
    string DisplayName,
    string Description,
    bool IsBlocking,
    bool IsJoin,
    IReadOnlyList<InputDescriptor> Inputs,
    IReadOnlyList<string> Outcomes,
    string? OutcomesFromInput)
{
    internal Func<Activity> Factory { get; init; } = () => throw new InvalidOperationException("no factory");

    public InputDescriptor? FindInput(string name) =>
        Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One input: its JSON name, value type (string, integer, number, boolean, duration, datetime,
/// string-list, form-fields, object), whether it is required, its default, and how the studio edits it.</summary>
public sealed record InputDescriptor(
    string Name,
    string ValueType,
    bool Required,
    object? Default,
    string Description,
    string UIHint,
    IReadOnlyList<string>? Options,
    bool AllowExpression,
    string Label)
{
    internal PropertyInfo Property { get; init; } = null!;
    internal Type ClrType { get; init; } = typeof(object);
}
