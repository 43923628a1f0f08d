using System.Globalization;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Forms;

/// <summary>What a completion sent, checked against the task: the outcome, and every value typed by its field.</summary>
public sealed record TaskFormResult(string? OutcomeProblem, Dictionary<string, string> FieldErrors, Dictionary<string, object?> Values)
{
    public bool IsValid => OutcomeProblem is null && FieldErrors.Count == 0;
}

/// <summary>
/// Types the values of a completed task form by the fields the task declared (a date becomes
/// "yyyy-MM-dd", a number a number, a checkbox a yes/no), so that what the flow reads never depends on
/// how a client happened to send it. Messages are Dutch: they are shown next to the field.
/// </summary>
public static class TaskFormCheck
{
    public const int MaxTextLength = 500;
    public const int MaxMultilineLength = 10_000;

    public static TaskFormResult Check(UserTask task, string outcome, IReadOnlyDictionary<string, object?> data)
    {
        var outcomes = task.Outcomes;
        var outcomeProblem = outcomes.Contains(outcome)
            ? null
            : $"'{outcome}' is not an outcome of task '{task.Title}'; choose one of: {string.Join(", ", outcomes)}";
        var fields = task.Form;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in data.Keys.Where(k => fields.All(f => f.Name != k)))
            errors[key] = $"Dit formulier heeft geen veld '{Shorten(key)}'.";
        foreach (var field in fields)
        {
            if (!TryNormalize(data.GetValueOrDefault(field.Name), out var normalized))
            {
                errors[field.Name] = "Deze waarde kan hier niet worden opgeslagen.";
                continue;
            }
            if (IsEmpty(normalized))
            {
                if (field.Required) errors[field.Name] = "Vul dit veld in.";
                continue;
            }
            var (value, problem) = Convert(field, normalized!);
            if (problem is not null) errors[field.Name] = problem;
            else values[field.Name] = value;
        }
        return new TaskFormResult(outcomeProblem, errors, values);
    }

    /// <summary>Whatever shape the client sent (JSON element, DateOnly, int, ...) becomes a JSON-shaped value first.</summary>
    private static bool TryNormalize(object? raw, out object? value)
    {
        try
        {
            value = VariableValues.Normalize(raw is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : raw);
            return true;
        }
        catch (ArgumentException)
        {
            value = null;
            return false;
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => string.IsNullOrWhiteSpace(s),
        List<object?> { Count: 0 } => true,
        _ => false,
    };

    private static (object? Value, string? Problem) Convert(FormField field, object value) => field.Type switch
    {
        FormFieldTypes.Text => AsText(value, MaxTextLength),
        FormFieldTypes.Multiline => AsText(value, MaxMultilineLength),
        FormFieldTypes.Number => AsNumber(value),
        FormFieldTypes.Date => AsDate(value),
        FormFieldTypes.Boolean => AsBoolean(value),
        FormFieldTypes.Choice => AsChoice(value, field.Options ?? []),
        FormFieldTypes.Checklist => AsChecklist(value, field.Options ?? []),
        _ => (null, $"Onbekend veldtype '{field.Type}'."),
    };

    private static (object?, string?) AsText(object? value, int max) => value switch
    {
        string s when s.Length > max => (null, $"Maximaal {max} tekens; dit zijn er {s.Length}."),
        string s => (s.Trim(), null),
        _ => (null, "Verwacht tekst."),
    };

    private static (object?, string?) AsNumber(object? value)
    {
        if (value is long or double) return (value, null);
        if (value is string s)
        {
            var text = s.Trim().Replace(',', '.');
            if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number))
                return (VariableValues.Normalize(number), null);
        }
        return (null, "Verwacht een getal.");
    }

    private static (object?, string?) AsDate(object? value) =>
        value is string s && DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, "Verwacht een datum (jjjj-mm-dd).");

    private static (object?, string?) AsBoolean(object? value) => value switch
    {
        bool b => (b, null),
        string s when bool.TryParse(s.Trim(), out var b) => (b, null),
        _ => (null, "Verwacht ja of nee."),
    };

    private static (object?, string?) AsChoice(object? value, IReadOnlyList<string> options) =>
        value is string s && options.Contains(s)
            ? (s, null)
            : (null, $"Kies een van: {string.Join(", ", options)}.");

    private static (object?, string?) AsChecklist(object? value, IReadOnlyList<string> options)
    {
        if (value is not List<object?> items) return (null, "Verwacht een lijst van aangevinkte punten.");
        var chosen = new List<object?>();
        foreach (var item in items)
        {
            if (item is not string s || !options.Contains(s)) return (null, $"Alleen deze punten kunnen worden aangevinkt: {string.Join(", ", options)}.");
            if (!chosen.Contains(s)) chosen.Add(s);
        }
        return (chosen, null);
    }

    private static string Shorten(string key) => key.Length <= 40 ? key : key[..40] + "…";
}
