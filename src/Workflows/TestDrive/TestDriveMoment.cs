using System.Globalization;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>
/// Moments of a proefrit as a coordinator writes and reads them: Europe/Amsterdam wall clock, "2027-01-15" (09:00,
/// the start of a working day) or "2027-01-15T14:30" in a scenario, "vr 15-01-2027 09:00" in a timeline.
/// </summary>
public static class TestDriveMoment
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly string[] Formats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"];

    /// <summary>A date alone means 09:00 that day.</summary>
    public static readonly TimeOnly StartOfDay = new(9, 0);

    public static bool TryParse(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            moment = At(day, StartOfDay);
            return true;
        }
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        moment = FromLocal(local);
        return true;
    }

    public static DateTimeOffset At(DateOnly day, TimeOnly time) => FromLocal(day.ToDateTime(time));

    /// <summary>The scenario form of a moment: "2027-01-15T09:00".</summary>
    public static string Write(DateTimeOffset moment) => Local(moment).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The timeline form of a moment: "vr 15-01-2027 09:00".</summary>
    public static string Show(DateTimeOffset moment) => Local(moment).ToString("ddd dd-MM-yyyy HH:mm", Dutch);

    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, DutchCalendar.Amsterdam).DateTime;

    // A wall-clock time that does not exist (the hour skipped in March) moves on by that hour; an ambiguous one (October) takes summer time.
    private static DateTimeOffset FromLocal(DateTime local)
    {
        var zone = DutchCalendar.Amsterdam;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local)) local = local.AddHours(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
