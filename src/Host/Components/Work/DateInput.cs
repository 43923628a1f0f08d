using System.Globalization;

namespace ProcessEngine.Host.Components.Work;

/// <summary>What a date input gives: "yyyy-MM-dd" or nothing; nothing (or anything else) is reported by the domain as missing.</summary>
public static class DateInput
{
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
