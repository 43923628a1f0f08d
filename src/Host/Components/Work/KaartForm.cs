using System.Globalization;
using System.Text.RegularExpressions;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Components.Work;

/// <summary>One afspraak being edited.</summary>
public sealed class AfspraakForm
{
    public string? Wat { get; set; }
    public string? Wie { get; set; }
    public string? Wanneer { get; set; }
    public string? HoeGecontroleerd { get; set; }
}

/// <summary>
/// The Veiligheidskaart being edited: lists as one item per line (how people write them down), afspraken as rows.
/// The domain's <see cref="VeiligheidskaartInhoud.Validate"/> judges the result; its messages are mapped back here.
/// </summary>
public sealed partial class KaartForm
{
    public string? Zorgen { get; set; }
    public string? Krachten { get; set; }
    public string? Voorwaarden { get; set; }
    public List<AfspraakForm> Afspraken { get; set; } = [];
    public string? Monitor { get; set; }
    public string? VolgendeEvaluatie { get; set; }
    public string? StemKind { get; set; }
    public string? StemOuders { get; set; }
    public string? GedeeldMet { get; set; }

    public static KaartForm From(VeiligheidskaartInhoud? inhoud) => inhoud is null ? new() : new()
    {
        Zorgen = Join(inhoud.Zorgen),
        Krachten = Join(inhoud.Krachten),
        Voorwaarden = Join(inhoud.Veiligheidsvoorwaarden),
        Afspraken = [.. inhoud.Afspraken.Select(a => new AfspraakForm { Wat = a.Wat, Wie = a.Wie, Wanneer = a.Wanneer, HoeGecontroleerd = a.HoeGecontroleerd })],
        Monitor = inhoud.Monitor,
        VolgendeEvaluatie = inhoud.VolgendeEvaluatie?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StemKind = inhoud.StemKind,
        StemOuders = inhoud.StemOuders,
        GedeeldMet = Join(inhoud.GedeeldMet),
    };

    /// <summary>
    /// The content to save, or the date field's problem (the only field the form itself must parse). Empty afspraak
    /// rows are dropped from the form first, so the domain's "afspraken[i]" names the row the person sees.
    /// </summary>
    public (VeiligheidskaartInhoud? Inhoud, string? DateProblem) ToInhoud()
    {
        Afspraken.RemoveAll(IsBlank);
        DateOnly? evaluatie = null;
        if (!string.IsNullOrWhiteSpace(VolgendeEvaluatie))
        {
            if (!DateOnly.TryParseExact(VolgendeEvaluatie.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return (null, "Kies een datum.");
            evaluatie = date;
        }
        return (new VeiligheidskaartInhoud
        {
            Zorgen = Lines(Zorgen),
            Krachten = Lines(Krachten),
            Veiligheidsvoorwaarden = Lines(Voorwaarden),
            Afspraken = [.. Afspraken.Select(a => new Afspraak(Trim(a.Wat), Trim(a.Wie), Trim(a.Wanneer), Trim(a.HoeGecontroleerd)))],
            Monitor = Trim(Monitor),
            VolgendeEvaluatie = evaluatie,
            StemKind = Trim(StemKind),
            StemOuders = Trim(StemOuders),
            GedeeldMet = Lines(GedeeldMet),
        }, null);
    }

    /// <summary>
    /// The save's errors by form field: "inhoud.zorgen[2]" becomes "zorgen" with "Regel 3: …" (the list is one text
    /// area), "inhoud.afspraken[1].wie" stays per afspraak field, the rest loses its "inhoud." prefix.
    /// </summary>
    public static Dictionary<string, string> ErrorsByField(IReadOnlyDictionary<string, string>? errors)
    {
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, message) in errors ?? new Dictionary<string, string>())
        {
            var path = key.StartsWith("inhoud.", StringComparison.Ordinal) ? key["inhoud.".Length..] : key;
            var item = ListItem().Match(path);
            if (item.Success && item.Groups[1].Value != "afspraken")
                byField.TryAdd(item.Groups[1].Value, $"Regel {int.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture) + 1}: {message}");
            else byField.TryAdd(path, message);
        }
        return byField;
    }

    private static bool IsBlank(AfspraakForm a) =>
        string.IsNullOrWhiteSpace(a.Wat) && string.IsNullOrWhiteSpace(a.Wie) && string.IsNullOrWhiteSpace(a.Wanneer) && string.IsNullOrWhiteSpace(a.HoeGecontroleerd);

    private static string? Join(IReadOnlyList<string> items) => items.Count == 0 ? null : string.Join('\n', items);

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex ListItem();
}
