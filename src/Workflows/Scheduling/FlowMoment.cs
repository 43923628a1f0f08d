using System.Globalization;

namespace ProcessEngine.Workflows.Scheduling;

/// <summary>
/// How a flow's text becomes a moment, the same wherever it is read (a literal input, an expression's result, the
/// <c>dates</c> functions): a bare date ("2027-03-01") is the start of that day in Amsterdam, where the law's terms
/// and the families live; anything else is an ISO 8601 instant, UTC when it names no offset. Read as UTC, a bare date
/// would put a legal deadline one or two hours after the day began.
/// </summary>
public static class FlowMoment
{
    public static bool TryParse(string? text, out DateTimeOffset moment)
    {
        moment = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            moment = StartOfDay(date);
            return true;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)) return false;
        moment = instant.ToUniversalTime();
        return true;
    }

    /// <summary>00:00 of the day on the Amsterdam wall clock, in UTC.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, DutchCalendar.Amsterdam.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
