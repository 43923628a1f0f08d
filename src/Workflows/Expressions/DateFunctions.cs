using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Interop;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Expressions;

/// <summary>
/// The <c>dates</c> object flows use for deadlines, so that no flow has to do calendar arithmetic in
/// UTC milliseconds. A date ("2027-03-01") means the start of that day in Amsterdam; an instant is an
/// ISO 8601 text. Durations are the flow format ("P3M", "P10W", "5 werkdagen").
/// <list type="bullet">
/// <item><c>dates.add(dateOrInstant, duration)</c> and <c>dates.subtract(...)</c>: an ISO instant (UTC).</item>
/// <item><c>dates.date(instant)</c>: the Amsterdam calendar date of an instant, "yyyy-MM-dd".</item>
/// <item><c>dates.today()</c>: today's Amsterdam date, by the engine's clock.</item>
/// </list>
/// </summary>
internal static class DateFunctions
{
    public static void Install(Engine engine, DateTimeOffset now)
    {
        var dates = new JsObject(engine);
        dates.Set("add", Function(engine, "add", args => Iso(Duration(args, 1).AddTo(Instant(args, 0)))));
        dates.Set("subtract", Function(engine, "subtract", args => Iso(Duration(args, 1).SubtractFrom(Instant(args, 0)))));
        dates.Set("date", Function(engine, "date", args => AmsterdamDate(Instant(args, 0))));
        dates.Set("today", Function(engine, "today", _ => AmsterdamDate(now)));
        engine.SetValue("dates", dates);
    }

    private static ClrFunction Function(Engine engine, string name, Func<JsValue[], string> body) =>
        new(engine, name, (_, args) =>
        {
            try { return new JsString(body(args)); }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // The parser's message quotes the value it could not read: name only the function.
                throw new ExpressionException($"dates.{name}: an argument is not a valid moment or duration", ex);
            }
        });

    private static DateTimeOffset Instant(JsValue[] args, int index)
    {
        var value = index < args.Length ? args[index] : JsValue.Undefined;
        if (value.IsDate()) return value.AsDate().ToDateTime();
        if (!value.IsString()) throw new ArgumentException("expected a date (\"2027-03-01\") or an ISO instant");
        var text = value.AsString();
        if (FlowMoment.TryParse(text, out var moment)) return moment;
        throw new ArgumentException($"'{Shorten(text)}' is not a date (\"2027-03-01\") or an ISO instant");
    }

    private static FlowDuration Duration(JsValue[] args, int index)
    {
        var value = index < args.Length ? args[index] : JsValue.Undefined;
        if (!value.IsString()) throw new ArgumentException("expected a duration such as \"P10W\" or \"5 werkdagen\"");
        var text = value.AsString();
        if (FlowDuration.TryParse(text, out var duration, out var error)) return duration;
        // The one refusal worth naming (the limit is the engine's, not the instance's); any other names only the function.
        throw FlowDuration.CountsTooManyWerkdagen(text)
            ? new ExpressionException($"dates: a duration counts more than {DutchCalendar.MaxWerkdagen} werkdagen (about ten years), the most a flow may count")
            : new ArgumentException(error);
    }

    private static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static string AmsterdamDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DutchCalendar.Amsterdam).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
