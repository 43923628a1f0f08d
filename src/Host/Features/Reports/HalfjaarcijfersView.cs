using ProcessEngine.Host.Api;
using ProcessEngine.Rvt.Application;

namespace ProcessEngine.Host.Features.Reports;

/// <summary>
/// A line of the half-year report as shown: small counts hidden (see <see cref="SmallCounts"/>). A heading line
/// (<see cref="IsKop"/>) has no numbers at all (null), not zeros: it counts nothing.
/// </summary>
public sealed record HalfjaarRijView(string Onderdeel, string? EersteHalfjaar, string? TweedeHalfjaar, string? Totaal, bool IsKop = false);

/// <summary>The half-year report as every reader gets it: the JSON, the CSV and the page show the same cells.</summary>
public sealed record HalfjaarcijfersView(int Jaar, IReadOnlyList<HalfjaarRijView> Rijen)
{
    public static HalfjaarcijfersView From(Halfjaarcijfers figures) => new(figures.Jaar, [.. figures.Rijen.Select(Row)]);

    /// <summary>
    /// A total must not give a hidden half back by subtraction: with one half hidden it shows only that
    /// it exceeds the other half; with both hidden only that it is below ten.
    /// </summary>
    private static HalfjaarRijView Row(HalfjaarRij row)
    {
        if (row.IsKop) return new HalfjaarRijView(row.Onderdeel, null, null, null, IsKop: true);
        if (row.Noemer is { } noemer)
        {
            var first = Share(row.EersteHalfjaar, noemer.EersteHalfjaar);
            var second = Share(row.TweedeHalfjaar, noemer.TweedeHalfjaar);
            // With the denominators shown, the total's share and one half's give the other half's part back.
            var whole = first == SmallShare || second == SmallShare ? SmallShare : Share(row.Totaal, noemer.Totaal);
            return new HalfjaarRijView(row.Onderdeel, first, second, whole);
        }
        var firstHidden = SmallCounts.IsSmall(row.EersteHalfjaar);
        var secondHidden = SmallCounts.IsSmall(row.TweedeHalfjaar);
        var total = (firstHidden, secondHidden) switch
        {
            _ when SmallCounts.IsSmall(row.Totaal) => SmallCounts.Hidden,
            (true, true) => "<10",
            (true, false) => $"≥{row.TweedeHalfjaar + 1}",
            (false, true) => $"≥{row.EersteHalfjaar + 1}",
            _ => SmallCounts.Show(row.Totaal),
        };
        return new HalfjaarRijView(row.Onderdeel, SmallCounts.Show(row.EersteHalfjaar), SmallCounts.Show(row.TweedeHalfjaar), total);
    }

    /// <summary>
    /// A share as a whole percentage. Beside its denominator's row a share gives back both the part and the rest, so it
    /// is hidden when either is small; "–" when there is nothing to take a share of.
    /// </summary>
    private static string Share(int part, int of)
    {
        if (of == 0) return "–";
        if (SmallCounts.IsSmall(part) || SmallCounts.IsSmall(of - part)) return SmallShare;
        return Math.Round(100m * part / of, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>What a hidden share shows.</summary>
    public const string SmallShare = "klein aantal";
}
