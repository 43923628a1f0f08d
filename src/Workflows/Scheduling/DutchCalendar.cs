namespace ProcessEngine.Workflows.Scheduling;

/// <summary>
/// The Dutch working-day calendar that deadlines in flows are counted on: weekends plus the general
/// public holidays ("algemeen erkende feestdagen") of the Algemene termijnenwet, art. 3.
/// </summary>
/// <remarks>
/// Nothing is cached: a holiday check is a few integer operations (Easter included), so a cache would
/// cost more in shared state than it saves in time.
/// Koningsdag follows the rule in force since 2014 (27 April, or 26 April when the 27th is a Sunday) for
/// every year, because the engine computes future deadlines; the earlier Koninginnedag is not modelled.
/// Easter uses the Gregorian computus, so dates before 1583 are not meaningful.
/// </remarks>
public static class DutchCalendar
{
    /// <summary>The Europe/Amsterdam time zone, in which Dutch dates and wall-clock times are meant.</summary>
    public static TimeZoneInfo Amsterdam { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>
    /// The most werkdagen one deadline may count: 2,600, about ten years (some 255 werkdagen a year). Far beyond any
    /// legal or regional term in the flows (the longest, a maatregel, is counted in calendar years), and small enough
    /// that <see cref="AddWerkdagen"/>, which walks day by day, takes about a millisecond; a flow that asked for
    /// 999,999 would make every evaluation walk some 3,800 years of calendar.
    /// </summary>
    public const int MaxWerkdagen = 2_600;

    /// <summary>Easter Sunday (Eerste Paasdag) of <paramref name="year"/> in the Gregorian calendar.</summary>
    /// <remarks>The anonymous Gregorian algorithm (Meeus/Jones/Butcher); variable names follow its usual statement.</remarks>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var monthAndDay = h + l - (7 * m) + 114;
        return new DateOnly(year, monthAndDay / 31, (monthAndDay % 31) + 1);
    }

    /// <summary>
    /// Whether <paramref name="date"/> is a public holiday under the Algemene termijnenwet art. 3:
    /// Nieuwjaarsdag, Eerste and Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 May, every year),
    /// Hemelvaartsdag, Eerste and Tweede Pinksterdag, Eerste and Tweede Kerstdag.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly date)
    {
        var isFixedHoliday = (date.Month, date.Day) switch
        {
            (1, 1) or (5, 5) or (12, 25) or (12, 26) => true,
            // Koningsdag moves to the Saturday before when 27 April is a Sunday, so 26 April only counts then.
            (4, 27) => date.DayOfWeek != DayOfWeek.Sunday,
            (4, 26) => date.DayOfWeek == DayOfWeek.Saturday,
            _ => false,
        };
        if (isFixedHoliday)
        {
            return true;
        }

        // Paas- and Pinksterdagen and Hemelvaart are fixed offsets from Easter Sunday.
        var daysAfterEaster = date.DayNumber - EasterSunday(date.Year).DayNumber;
        return daysAfterEaster is 0 or 1 or 39 or 49 or 50;
    }

    /// <summary>Whether <paramref name="date"/> is a werkdag: not a Saturday, not a Sunday and not a public holiday.</summary>
    public static bool IsWerkdag(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(date);

    /// <summary>
    /// The date <paramref name="count"/> werkdagen after <paramref name="start"/>; <paramref name="start"/>
    /// itself is not counted. With a count of 0 the result is <paramref name="start"/> when it is a werkdag,
    /// otherwise the next werkdag, so that a deadline never falls on a day the office is closed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="count"/> is negative or above <see cref="MaxWerkdagen"/>, or the result would lie after 31 December 9999.
    /// </exception>
    public static DateOnly AddWerkdagen(DateOnly start, int count)
    {
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                "The number of werkdagen must be 0 or more: working days are only counted forward from the start date.");
        }

        // Checked here too, not only where flow text is parsed: this is the loop a huge count would keep busy.
        if (count > MaxWerkdagen)
        {
            throw new ArgumentOutOfRangeException(
                nameof(count),
                count,
                $"At most {MaxWerkdagen} werkdagen (about ten years) can be counted: write a longer term in calendar units, like 'P10Y'.");
        }

        var date = start;
        if (count == 0)
        {
            while (!IsWerkdag(date))
            {
                date = date.AddDays(1);
            }

            return date;
        }

        // Day by day on purpose: deadlines are a few weeks long, and a loop cannot get the holiday rules wrong.
        for (var remaining = count; remaining > 0;)
        {
            date = date.AddDays(1);
            if (IsWerkdag(date))
            {
                remaining--;
            }
        }

        return date;
    }
}
