using System.Text.Json;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components.Work;

/// <summary>
/// What a person typed into a task form, per field, kept apart from the task itself: when the completion
/// is refused (a field, or someone else was first) the values stay on screen exactly as typed.
/// </summary>
public sealed class TaskFormValues
{
    private readonly Dictionary<string, string?> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ticked = new(StringComparer.Ordinal);

    public string? Text(string field) => _text.GetValueOrDefault(field);
    public void SetText(string field, string? value) => _text[field] = value;

    public bool Flag(string field) => _flags.GetValueOrDefault(field);
    public void SetFlag(string field, bool value) => _flags[field] = value;

    public bool IsTicked(string field, string option) => _ticked.TryGetValue(field, out var set) && set.Contains(option);

    public void Tick(string field, string option, bool on)
    {
        if (!_ticked.TryGetValue(field, out var set)) _ticked[field] = set = new HashSet<string>(StringComparer.Ordinal);
        if (on) set.Add(option); else set.Remove(option);
    }

    /// <summary>
    /// The form as the task API takes it: text as typed (the engine types dates and numbers and says per field
    /// what is wrong), yes/no as a boolean, a checklist as the ticked options in the order the form lists them.
    /// An empty field is left out, so "required" is judged in one place, the engine.
    /// </summary>
    public Dictionary<string, JsonElement> ToData(IReadOnlyList<FormField> fields)
    {
        var data = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            object? value = field.Type switch
            {
                FormFieldTypes.Boolean => Flag(field.Name),
                FormFieldTypes.Checklist => (field.Options ?? []).Where(o => IsTicked(field.Name, o)).ToList(),
                _ => string.IsNullOrWhiteSpace(Text(field.Name)) ? null : Text(field.Name),
            };
            if (value is not null) data[field.Name] = JsonSerializer.SerializeToElement(value);
        }
        return data;
    }
}
