using System.Globalization;
using System.Text.Json;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// Between an input's JSON in the flow file and what a field in the property panel edits. An empty field
/// removes the input (the activity's default applies, or the compiler says it is required).
/// </summary>
public static class InputValues
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static bool IsExpression(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("expression", out _);

    public static string ExpressionSource(JsonElement? value) =>
        IsExpression(value) && value!.Value.GetProperty("expression") is { ValueKind: JsonValueKind.String } s ? s.GetString() ?? "" : "";

    public static JsonElement Expression(string source) => JsonSerializer.SerializeToElement(new { expression = source });

    /// <summary>A literal as text: a string as is, anything else as its JSON.</summary>
    public static string Text(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        { } other when IsExpression(other) => "",
        { } other => other.GetRawText(),
    };

    public static JsonElement? FromText(string? text) => string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.SerializeToElement(text);

    public static double? Number(JsonElement? value) => value is { ValueKind: JsonValueKind.Number } n ? n.GetDouble() : null;

    public static JsonElement? FromNumber(double? number, bool whole) => number switch
    {
        null => null,
        { } n when whole => JsonSerializer.SerializeToElement((long)Math.Round(n)),
        { } n => JsonSerializer.SerializeToElement(n),
    };

    public static bool? Boolean(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static JsonElement? FromBoolean(bool? value) => value is { } b ? JsonSerializer.SerializeToElement(b) : null;

    public static IReadOnlyList<string> List(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } a
        ? [.. a.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
        : [];

    public static JsonElement? FromList(IReadOnlyList<string> items) => items.Count == 0 ? null : JsonSerializer.SerializeToElement(items);

    /// <summary>The date part of a date-time input, as a day in Amsterdam.</summary>
    public static DateTime? Date(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.String } s && DateTimeOffset.TryParse(s.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeZoneInfo.ConvertTime(at, Amsterdam).Date
            : null;

    /// <summary>A chosen day as 00:00 in Amsterdam, written with its offset so the file says what it means.</summary>
    public static JsonElement? FromDate(DateTime? day)
    {
        if (day is not { } d) return null;
        var midnight = DateTime.SpecifyKind(d.Date, DateTimeKind.Unspecified);
        var at = new DateTimeOffset(midnight, Amsterdam.GetUtcOffset(midnight));
        return JsonSerializer.SerializeToElement(at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }

    public static IReadOnlyList<FormField> FormFields(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Array } a) return [];
        try
        {
            return a.Deserialize<List<FormField>>(VariableValues.JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static JsonElement? FromFormFields(IReadOnlyList<FormField> fields) => fields.Count == 0
        ? null
        : JsonSerializer.SerializeToElement(fields.Select(f => new Dictionary<string, object?>
        {
            ["name"] = f.Name,
            ["label"] = f.Label,
            ["type"] = f.Type,
            ["required"] = f.Required ? true : null,
            ["options"] = f.Options is { Count: > 0 } o ? o : null,
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value)));
}
