using System.Globalization;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>Converts an expression's JSON-shaped result to the type an input declares, with a message that names the expression.</summary>
internal static class ValueConversion
{
    public static T? To<T>(object? value, string source)
    {
        if (value is null) return default;
        if (value is T same) return same;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        object? converted = target switch
        {
            var t when t == typeof(string) => Convert.ToString(value, CultureInfo.InvariantCulture),
            var t when t == typeof(int) && value is long or double => Convert.ToInt32(value, CultureInfo.InvariantCulture),
            var t when t == typeof(double) && value is long l => (double)l,
            var t when t == typeof(bool) && value is bool b => b,
            var t when t == typeof(FlowDuration) && value is string s => Duration(s, source),
            var t when t == typeof(DateTimeOffset) && value is string s =>
                FlowMoment.TryParse(s, out var moment) ? (object?)moment : null,
            var t when t == typeof(IReadOnlyList<string>) && value is List<object?> list =>
                list.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToList(),
            _ => null,
        };
        return converted is not null && target.IsInstanceOfType(converted)
            ? (T)converted
            : throw new ExpressionException($"expression '{source}' gave a {value.GetType().Name}, which is not a {target.Name}");
    }

    // Over the werkdagen limit is said in so many words (the limit is the engine's, no value of the instance); any other
    // text that is no duration fails with the parser's FormatException, whose message quotes the text and is not stored.
    private static FlowDuration Duration(string text, string source) =>
        FlowDuration.CountsTooManyWerkdagen(text)
            ? throw new ExpressionException(
                $"expression '{source}' gave more than {DutchCalendar.MaxWerkdagen} werkdagen (about ten years), the most a flow may count")
            : FlowDuration.Parse(text);
}
