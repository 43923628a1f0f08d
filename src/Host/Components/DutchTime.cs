using System.Globalization;

namespace ProcessEngine.Host.Components;

/// <summary>
/// Times as people in the Netherlands read them: due moments in calendar days ("over 3 dagen", "morgen",
/// "2 dagen te laat") and dates in Dutch, all in Europe/Amsterdam whatever the server's zone.
/// </summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Due(DateTimeOffset? due, DateTimeOffset now)
    {
        if (due is not { } at) return "geen termijn";
        var days = Day(at).DayNumber - Day(now).DayNumber;
        if (at < now)
            return days switch
            {
                0 => "vandaag verlopen",
                -1 => "1 dag te laat",
                _ => $"{-days} dagen te laat",
            };
        return days switch
        {
            0 => "vandaag",
            1 => "morgen",
            _ => $"over {days} dagen",
        };
    }

    public static bool IsLate(DateTimeOffset? due, DateTimeOffset now) => due is { } at && at < now;

    /// <summary>"3 december 2026".</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy", Dutch);

    /// <summary>"1 december 2025".</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", Dutch);

    /// <summary>"3 december 2026 14:05".</summary>
    public static string Moment(DateTimeOffset at) => Local(at).ToString("d MMMM yyyy HH:mm", Dutch);

    /// <summary>"24-11-2026 09:36": for table columns, where a long date would wrap.</summary>
    public static string Short(DateTimeOffset at) => Local(at).ToString("dd-MM-yyyy HH:mm", Dutch);

    /// <summary>"14:05:09": when a live figure was measured.</summary>
    public static string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", Dutch);

    /// <summary>"1 dag", "12 dagen".</summary>
    public static string Days(int days) => days == 1 ? "1 dag" : $"{days} dagen";

    /// <summary>"nov 2026" for a "2026-11" month key.</summary>
    public static string Month(string yearMonth) => MonthOf(yearMonth).ToString("MMM yyyy", Dutch).Replace(".", "", StringComparison.Ordinal);

    /// <summary>"nov '26": a month where space is short (a chart's axis).</summary>
    public static string ShortMonth(string yearMonth)
    {
        var month = MonthOf(yearMonth);
        return $"{month.ToString("MMM", Dutch).Replace(".", "", StringComparison.Ordinal)} '{month.ToString("yy", Dutch)}";
    }

    private static DateTime MonthOf(string yearMonth) => DateTime.ParseExact(yearMonth, "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The year it is now in the Netherlands (the half-year figures follow the Dutch calendar).</summary>
    public static int Year(DateTimeOffset now) => Local(now).Year;

    private static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Amsterdam).DateTime;

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(Local(at));

    /// <summary>The calendar day it is at <paramref name="at"/> in the Netherlands.</summary>
    public static DateOnly Today(DateTimeOffset at) => Day(at);

    /// <summary>"12 jan": a follow-up day in a table row.</summary>
    public static string ShortDate(DateOnly day) => day.ToString("d MMM", Dutch).Replace(".", "", StringComparison.Ordinal);
}
