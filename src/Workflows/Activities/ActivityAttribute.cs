namespace ProcessEngine.Workflows.Activities;

/// <summary>Names an activity type for flow files and describes it for the studio's toolbox.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    /// <summary>The name flow files use in an activity's <c>type</c>.</summary>
    public string Type { get; } = type;
    public string Category { get; set; } = "Algemeen";
    public string? DisplayName { get; set; }
    public string Description { get; set; } = "";
}

/// <summary>The fixed outcome ports of an activity. Activities without it have the single outcome "Done".</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
    /// <summary>Name of a string-list input whose values are further outcome ports (a task's buttons, a decision's branches).</summary>
    public string? FromInput { get; set; }
}

/// <summary>Describes one input of an activity; the property must be an <see cref="Input{T}"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>The Dutch name the studio shows for the input (the flow file keeps the JSON name); empty shows the JSON name.</summary>
    public string Label { get; set; } = "";
    public string Description { get; set; } = "";
    public bool Required { get; set; }
    /// <summary>How the studio edits the value (text, multiline, number, checkbox, choice, duration, list, form-fields, expression).</summary>
    public string? UIHint { get; set; }
    /// <summary>The allowed values when the input is a choice.</summary>
    public string[]? Options { get; set; }
    /// <summary>Whether a value may be a JavaScript expression instead of a literal.</summary>
    public bool AllowExpression { get; set; } = true;
}
