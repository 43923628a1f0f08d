using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ProcessEngine.Workflows.Scheduling;

/// <summary>
/// A duration as coordinators write it in flow files: an ISO 8601 duration such as <c>P3M</c>,
/// <c>P10W</c> or <c>P1Y2M10DT2H30M</c>, or a number of Dutch working days such as <c>5 werkdagen</c>.
/// </summary>
/// <remarks>
/// Parsing trims surrounding whitespace and ignores letter case. Amounts are whole numbers from 0 to
/// 999999, werkdagen at most <see cref="DutchCalendar.MaxWerkdagen"/> (2600, about ten years: they are counted
/// day by day); fractions, negative durations and <c>0 werkdagen</c> are rejected. Weeks must stand alone
/// (<c>P10W</c>), as ISO 8601 writes them: <c>P1W2D</c> is rejected with a suggestion in days.
/// <see cref="ToString"/> gives the canonical text (<c>PT0S</c> for a zero duration).
/// </remarks>
public readonly partial record struct FlowDuration
{
    // Large enough for any real flow, small enough that sums of amounts in AddTo cannot overflow an int.
    private const int MaxAmount = 999_999;
    private const string Examples = "use ISO 8601 like 'P3M', 'P10W', 'PT2H' or '5 werkdagen'";
    // Group names of Pattern, in the order Read assigns them: ISO 8601 units, then WD for werkdagen.
    private static readonly string[] Units = ["Y", "Mo", "W", "D", "H", "Mi", "S", "WD"];

    /// <summary>Calendar years (<c>Y</c>), added on the Amsterdam wall clock together with <see cref="Months"/>.</summary>
    public int Years { get; private init; }
    /// <summary>Calendar months (<c>M</c> before <c>T</c>), clamped to the end of a shorter month.</summary>
    public int Months { get; private init; }
    /// <summary>Weeks (<c>W</c>) of seven calendar days; never combined with another amount.</summary>
    public int Weeks { get; private init; }
    /// <summary>Calendar days (<c>D</c>), keeping the wall-clock time across a DST change.</summary>
    public int Days { get; private init; }
    /// <summary>Elapsed hours (<c>H</c>).</summary>
    public int Hours { get; private init; }
    /// <summary>Elapsed minutes (<c>M</c> after <c>T</c>).</summary>
    public int Minutes { get; private init; }
    /// <summary>Elapsed seconds (<c>S</c>).</summary>
    public int Seconds { get; private init; }
    /// <summary>Working days (see <see cref="DutchCalendar.IsWerkdag"/>); when non-zero, every other amount is zero.</summary>
    public int Werkdagen { get; private init; }

    /// <summary>Whether every amount is zero, so that <see cref="AddTo"/> returns the same instant.</summary>
    public bool IsZero => this == default;

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and what to write instead.</summary>
    public static bool TryParse(string? text, out FlowDuration duration, [NotNullWhen(false)] out string? error)
        => (error = Read(text?.Trim() ?? "", out duration)) is null;

    /// <summary>
    /// Whether <paramref name="text"/> is a number of werkdagen above <see cref="DutchCalendar.MaxWerkdagen"/>: what an
    /// expression's error may say about a duration it could not use without quoting the text, which may be computed
    /// from the instance's data.
    /// </summary>
    public static bool CountsTooManyWerkdagen(string? text) =>
        Pattern().Match(text?.Trim() ?? "") is { Success: true } match && match.Groups["WD"] is { Success: true } count
        && (!int.TryParse(count.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > DutchCalendar.MaxWerkdagen);

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The text is not a duration; the message says what to write instead.</exception>
    public static FlowDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    /// <summary>
    /// The instant this duration after <paramref name="instant"/>, as a UTC <see cref="DateTimeOffset"/>.
    /// </summary>
    /// <remarks>
    /// Years, months, weeks and days are added to the Europe/Amsterdam wall clock, so <c>P1D</c> keeps the
    /// local time across a DST change and <c>P3M</c> clamps to the end of a shorter month (31 January + 3
    /// months = 30 April). Hours, minutes and seconds are then added as elapsed time. Werkdagen move the
    /// Amsterdam date with <see cref="DutchCalendar.AddWerkdagen"/> and keep the local time of day.
    /// A wall-clock result that does not exist (in the spring-forward gap) moves forward by the gap
    /// (02:30 becomes 03:30); one that occurs twice (autumn) takes the first occurrence, the summer-time one.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The result lies beyond the year 9999.</exception>
    public DateTimeOffset AddTo(DateTimeOffset instant)
    {
        var calendarDays = (7 * Weeks) + Days;
        var elapsed = new TimeSpan(Hours, Minutes, Seconds);
        if (Werkdagen == 0 && Years == 0 && Months == 0 && calendarDays == 0)
        {
            // No detour through the wall clock: it would move an instant in the repeated autumn hour.
            return instant.ToUniversalTime().Add(elapsed);
        }

        var local = TimeZoneInfo.ConvertTime(instant, DutchCalendar.Amsterdam).DateTime;
        var shifted = Werkdagen > 0
            ? DutchCalendar.AddWerkdagen(DateOnly.FromDateTime(local), Werkdagen).ToDateTime(TimeOnly.FromDateTime(local))
            // Months in one step, so that 29 February + P1Y1M gives 29 March rather than 28 March.
            : local.AddMonths((12 * Years) + Months).AddDays(calendarDays);
        return FromAmsterdamWallClock(shifted).Add(elapsed);
    }

    /// <summary>
    /// The instant this duration before <paramref name="instant"/>, by the same wall-clock rules as
    /// <see cref="AddTo"/> (ten weeks before an end date is the same Amsterdam time of day). Werkdagen
    /// cannot be counted backwards here: a deadline "N werkdagen before" has no use in the flows yet.
    /// </summary>
    public DateTimeOffset SubtractFrom(DateTimeOffset instant)
    {
        if (Werkdagen > 0) throw new ArgumentException("werkdagen cannot be subtracted; use calendar days or weeks");
        var calendarDays = (7 * Weeks) + Days;
        var elapsed = new TimeSpan(Hours, Minutes, Seconds);
        if (Years == 0 && Months == 0 && calendarDays == 0) return instant.ToUniversalTime().Subtract(elapsed);
        var local = TimeZoneInfo.ConvertTime(instant, DutchCalendar.Amsterdam).DateTime;
        return FromAmsterdamWallClock(local.AddMonths(-((12 * Years) + Months)).AddDays(-calendarDays)).Subtract(elapsed);
    }

    /// <summary>The canonical text: the ISO 8601 form (<c>PT0S</c> when zero), or <c>1 werkdag</c> / <c>N werkdagen</c>.</summary>
    public override string ToString()
    {
        var date = Part(Years, 'Y') + Part(Months, 'M') + Part(Weeks, 'W') + Part(Days, 'D');
        var time = Part(Hours, 'H') + Part(Minutes, 'M') + Part(Seconds, 'S');
        return Werkdagen switch
        {
            1 => "1 werkdag",
            > 1 => $"{Werkdagen.ToString(CultureInfo.InvariantCulture)} werkdagen",
            _ when IsZero => "PT0S",
            _ => time.Length == 0 ? $"P{date}" : $"P{date}T{time}",
        };

        static string Part(int amount, char unit) => amount == 0 ? "" : amount.ToString(CultureInfo.InvariantCulture) + unit;
    }

    private static DateTimeOffset FromAmsterdamWallClock(DateTime local)
    {
        var zone = DutchCalendar.Amsterdam;
        // Reading an invalid time with the offset in force before the gap (a day earlier is safely before it)
        // lands exactly as far past the gap as the wall clock said it was into it.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddDays(-1))
            : zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    // One reader for both forms, so that every message names the text the coordinator wrote.
    private static string? Read(string text, out FlowDuration duration)
    {
        duration = default;
        var match = Pattern().Match(text);
        if (!match.Success || !Units.Any(unit => match.Groups[unit].Success))
        {
            return text switch
            {
                "" => $"A duration is required: {Examples}.",
                ['-', ..] => $"'{text}' is negative: a flow can only wait forward in time.",
                ['P' or 'p', ..] when text.IndexOfAny(['.', ',']) >= 0 =>
                    $"'{text}' has a fraction: write whole units, like 'PT30M' instead of 'PT0.5H'.",
                _ => $"'{text}' is not a duration: {Examples}.",
            };
        }

        // An amount too large for an int reads as int.MaxValue, so that it gets the same message as one above MaxAmount.
        var amounts = Units.Select(unit => match.Groups[unit] is { Success: true } group
            ? int.TryParse(group.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : int.MaxValue
            : 0).ToArray();
        var parsed = new FlowDuration
        {
            Years = amounts[0], Months = amounts[1], Weeks = amounts[2], Days = amounts[3],
            Hours = amounts[4], Minutes = amounts[5], Seconds = amounts[6], Werkdagen = amounts[7],
        };
        var error = parsed switch
        {
            { Werkdagen: > DutchCalendar.MaxWerkdagen } =>
                $"'{text}' counts more than {DutchCalendar.MaxWerkdagen} werkdagen (about ten years), the most a flow may count: "
                + "write a longer term in calendar units, like 'P10Y'.",
            _ when amounts.Max() > MaxAmount => $"'{text}' has an amount above {MaxAmount}: no flow waits that long; {Examples}.",
            { Werkdagen: 0 } when match.Groups["WD"].Success =>
                $"'{text}' counts no working days: use at least '1 werkdag', or 'PT0S' for no delay.",
            { Weeks: > 0 } when parsed != new FlowDuration { Weeks = parsed.Weeks } =>
                $"'{text}' combines weeks with other units, which ISO 8601 does not allow: write '{WeeksAsDays(parsed)}', or weeks alone like 'P10W'.",
            _ => null,
        };
        duration = error is null ? parsed : default;
        return error;

        static FlowDuration WeeksAsDays(FlowDuration mixed) => mixed with { Weeks = 0, Days = mixed.Days + (7 * mixed.Weeks) };
    }

    // T must be followed by a digit, so that "PT" and "P1DT" do not match.
    [GeneratedRegex(
        @"^(?:(?<WD>[0-9]+)\s*werkdag(?:en)?|P(?:(?<Y>[0-9]+)Y)?(?:(?<Mo>[0-9]+)M)?(?:(?<W>[0-9]+)W)?(?:(?<D>[0-9]+)D)?(?:T(?=[0-9])(?:(?<H>[0-9]+)H)?(?:(?<Mi>[0-9]+)M)?(?:(?<S>[0-9]+)S)?)?)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
