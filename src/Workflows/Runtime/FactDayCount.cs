using System.Globalization;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// How many facts of one name, with one value of one dimension, fell on one Amsterdam calendar day: the
/// rollup that report periods are summed from, so a half-year's figures cost a few hundred rows however
/// many trajectories a region or the country holds. Written in the same transaction as the facts
/// themselves. <see cref="Dimension"/> "" holds the count of all facts of the name (<see cref="Value"/> "").
/// </summary>
public sealed class FactDayCount
{
    private FactDayCount() { }

    public string Name { get; private set; } = "";
    public string Dimension { get; private set; } = "";
    public string Value { get; private set; } = "";
    /// <summary>The Amsterdam date as yyyymmdd.</summary>
    public int Day { get; private set; }
    public int Count { get; private set; }

    /// <summary>The rows one fact adds one to: its name's total and each of its dimensions.</summary>
    public static IEnumerable<(string Dimension, string Value)> KeysOf(Fact fact)
    {
        yield return ("", "");
        foreach (var (dimension, value) in fact.Dimensions) yield return (dimension, value);
    }

    public static int DayOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, DutchCalendar.Amsterdam);
        return local.Year * 10000 + local.Month * 100 + local.Day;
    }

    public static int DayOf(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    public static DateOnly DateOf(int day) =>
        DateOnly.ParseExact(day.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture);
}
