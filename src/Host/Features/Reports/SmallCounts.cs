using System.Globalization;
using ProcessEngine.Host.Api;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>
/// Counts from 1 to 4 could point to a family in a small region, so every figure shown outside the casus
/// (report tables, CSV, charts, lead times) shows them as "&lt;5". Zero is shown: it points to no one.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 5;
    public const string Hidden = "<5";

    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    public static string Show(int count) => IsSmall(count) ? Hidden : count.ToString(CultureInfo.InvariantCulture);
}
