using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Components.Studio;

/// <summary>One activity's mark on the heat map: the badge's words, its colour class and the count the browser test reads.</summary>
public sealed record WaitingMark(string Text, string Heat, int Count);

/// <summary>
/// How the heat map words and colours a wait. Tasks and timers have a due moment, their norm: green while every wait is
/// within it, orange once one is past it, red once one waits twice its norm (a timer past its moment lags). Signals and
/// subflows wait by design: no colour of lateness.
/// </summary>
public static class WaitingHeat
{
    public const string Within = "binnen-norm";
    public const string Past = "over-norm";
    public const string Double = "ver-over-norm";
    public const string NoNorm = "geen-norm";

    public static string Of(WaitingAtActivity wait) => wait.Kind is not (BookmarkKind.Task or BookmarkKind.Timer) ? NoNorm
        : wait.PastDoubleNorm > 0 ? Double : wait.PastNorm > 0 ? Past : Within;

    public static string Days(int days) => days == 0 ? "< 1 d" : $"{days} d";

    public static string Words(string heat) => heat switch
    {
        Within => "binnen de norm",
        Past => "over de norm",
        Double => "twee keer de norm of meer",
        _ => "zonder norm",
    };

    /// <summary>
    /// One mark per activity. An activity that waits in two ways at once (rare: a task and a timer beside it) shows the
    /// sum, the median of its largest kind, the longest of all and the worst colour.
    /// </summary>
    public static IReadOnlyDictionary<string, WaitingMark> Marks(IReadOnlyList<WaitingAtActivity> waits) =>
        waits.GroupBy(w => w.ActivityId, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var count = g.Sum(w => w.Count);
            var main = g.MaxBy(w => w.Count)!;
            var heat = g.Select(Of).MaxBy(Rank)!;
            return new WaitingMark($"{count} · mediaan {Days(main.MedianDays)} · langst {Days(g.Max(w => w.LongestDays))}", heat, count);
        }, StringComparer.Ordinal);

    private static int Rank(string heat) => heat switch { Double => 3, Past => 2, Within => 1, _ => 0 };
}
