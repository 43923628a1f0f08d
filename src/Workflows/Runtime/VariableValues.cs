using System.Globalization;
using System.Text.Json;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Variables are plain JSON-shaped values: string, double, long, bool, null, List&lt;object?&gt; and
/// Dictionary&lt;string, object?&gt;. Keeping them to that set makes them safe to store, to hand to the
/// JavaScript sandbox and to compare, whatever produced them (a flow literal, a form, an expression).
/// </summary>
public static class VariableValues
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web);

    public static string Serialize(IReadOnlyDictionary<string, object?> values) =>
        values.Count == 0 ? "{}" : JsonSerializer.Serialize(values, JsonOptions);

    public static Dictionary<string, object?> Deserialize(string json)
    {
        if (json is "{}" or "") return new Dictionary<string, object?>(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(json);
        return ToDictionary(document.RootElement);
    }

    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        // The casts matter: without them the conditional unifies to double and every whole number becomes 1.0.
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? (object)whole : (object)element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => ToDictionary(element),
        _ => null,
    };

    private static Dictionary<string, object?> ToDictionary(JsonElement element)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) result[property.Name] = FromJson(property.Value);
        return result;
    }

    /// <summary>Brings any value (from Jint, a form, a caller) into the JSON-shaped set, or says why it cannot.</summary>
    public static object? Normalize(object? value) => value switch
    {
        null or string or bool or long => value,
        // JavaScript has one number type; whole numbers come back as long, as they do from stored JSON.
        double d when Math.Abs(d) < 9_007_199_254_740_992 && Math.Floor(d) == d => (long)d,
        double => value,
        int i => (long)i,
        float f => (double)f,
        decimal m => (double)m,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime d => new DateTimeOffset(d.ToUniversalTime()).ToString("O", CultureInfo.InvariantCulture),
        JsonElement e => FromJson(e),
        IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Normalize(p.Value), StringComparer.Ordinal),
        IEnumerable<object?> list => list.Select(Normalize).ToList(),
        _ => throw new ArgumentException(
            $"A variable value must be JSON-shaped (text, number, yes/no, list or object); got {value.GetType().Name}."),
    };
}
