using System.Text.RegularExpressions;

namespace ProcessEngine.Rvt.Privacy;

/// <summary>
/// Finds obvious direct identifiers of family members (BSN, birth date, address, e-mail, phone) in free text,
/// so fields such as hulpvraag, zorgen and afspraken can be refused before they are stored.
/// </summary>
/// <remarks>
/// Deliberately a pattern check, not a name detector: it catches what a professional types by habit and tells them
/// where, without quoting it. The patterns and the birth-date rule are in IdentifierGuard.Rules.cs.
/// </remarks>
public static partial class IdentifierGuard
{
    /// <summary>Every identifier in <paramref name="text"/>, ordered by position; empty for null or empty text.</summary>
    public static IReadOnlyList<IdentifierFinding> Find(string? text) => Find(text, DateOnly.FromDateTime(DateTime.Today));

    /// <summary>
    /// As <see cref="Find(string?)"/>, with the day that "the past 25 years" of the age rule counts back from,
    /// so a stored text can be re-checked as of the day it was written and tests do not depend on the clock.
    /// </summary>
    public static IReadOnlyList<IdentifierFinding> Find(string? text, DateOnly today)
    {
        if (string.IsNullOrEmpty(text)) return [];

        var candidates = new List<Candidate>();
        AddEmails(text, candidates);
        // Every other rule needs a digit; prose without one is common and skips them all.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            AddBsns(text, candidates);
            AddBirthDates(text, today, candidates);
            AddAddresses(text, candidates);
            AddPhoneNumbers(text, candidates);
        }
        if (candidates.Count == 0) return [];

        // Earliest first, and of two at the same place the longer one. An overlap is reported once: as one longer
        // finding when the kinds agree ("Kerkstraat 12" + "12, 1234 AB"), else as the earlier reading (the
        // BSN-shaped tail of "+31 612345671" is part of the phone number).
        candidates.Sort((a, b) => a.Index != b.Index ? a.Index.CompareTo(b.Index) : b.Length.CompareTo(a.Length));
        var findings = new List<IdentifierFinding>(candidates.Count);
        int coveredUntil = 0, word = 0, scanned = 0;
        foreach (var candidate in candidates)
        {
            int candidateEnd = candidate.Index + candidate.Length;
            if (candidate.Index < coveredUntil)
            {
                if (findings[^1].Kind == candidate.Kind && candidateEnd > coveredUntil)
                {
                    findings[^1] = findings[^1] with { Length = candidateEnd - findings[^1].Index };
                    coveredUntil = candidateEnd;
                }
                continue;
            }
            for (; scanned <= candidate.Index; scanned++)
            {
                if (!char.IsWhiteSpace(text[scanned]) && (scanned == 0 || char.IsWhiteSpace(text[scanned - 1]))) word++;
            }
            findings.Add(new IdentifierFinding(candidate.Kind, candidate.Index, candidate.Length, IdentifierMessage.For(candidate.Kind, candidate.Index, word)));
            coveredUntil = candidateEnd;
        }
        return findings;
    }

    /// <summary>The message of the first identifier in <paramref name="text"/>, or null when there is none.</summary>
    public static string? FirstMessage(string? text) => Find(text) is [var first, ..] ? first.Message : null;

    /// <summary>Whether <paramref name="text"/> holds any identifier this guard recognises.</summary>
    public static bool ContainsIdentifier(string? text) => Find(text).Count > 0;

    private readonly record struct Candidate(IdentifierKind Kind, int Index, int Length);

    private static void AddBsns(string text, List<Candidate> found)
    {
        foreach (var match in BsnPattern().EnumerateMatches(text))
        {
            if (PassesElfproef(text.AsSpan(match.Index, match.Length))) found.Add(new(IdentifierKind.Bsn, match.Index, match.Length));
        }
    }

    // Only the elfproef tells a BSN from the many other nine-digit numbers in a file (case and dossier numbers).
    private static bool PassesElfproef(ReadOnlySpan<char> candidate)
    {
        int sum = 0, weight = 9, any = 0;
        foreach (char c in candidate)
        {
            if (c is < '0' or > '9') continue;
            int digit = c - '0';
            sum += weight == 1 ? -digit : weight * digit;
            any |= digit;
            weight--;
        }
        return weight == 0 && any != 0 && sum % 11 == 0;
    }

    private static void AddPhoneNumbers(string text, List<Candidate> found) => AddAll(PhonePattern(), IdentifierKind.PhoneNumber, text, found);

    // Most texts have no '@' at all, and a vectorised search for it is far cheaper than the pattern's word scan.
    private static void AddEmails(string text, List<Candidate> found)
    {
        if (text.Contains('@')) AddAll(EmailPattern(), IdentifierKind.Email, text, found);
    }

    private static void AddAddresses(string text, List<Candidate> found)
    {
        AddAll(PostcodeAddressPattern(), IdentifierKind.PostcodeWithHouseNumber, text, found);
        for (var match = StreetAddressPattern().Match(text); match.Success; match = match.NextMatch())
        {
            var street = match.Groups["street"];
            int length = match.Index + match.Length - street.Index;
            if (IsStreetName(street.ValueSpan)) found.Add(new(IdentifierKind.PostcodeWithHouseNumber, street.Index, length));
        }
    }

    // "weg", "hof" and "pad" also end common words ("onderweg", "gerechtshof", "fietspad"), so those count only
    // with the capital a street name has; the other suffixes are street words whatever their case.
    private static bool IsStreetName(ReadOnlySpan<char> word) =>
        !(word.EndsWith("weg", StringComparison.OrdinalIgnoreCase) || word.EndsWith("hof", StringComparison.OrdinalIgnoreCase)
            || word.EndsWith("pad", StringComparison.OrdinalIgnoreCase))
        || word.ContainsAnyInRange('A', 'Z') || word.ContainsAnyInRange('À', 'Þ');

    private static void AddAll(Regex pattern, IdentifierKind kind, string text, List<Candidate> found)
    {
        foreach (var match in pattern.EnumerateMatches(text)) found.Add(new(kind, match.Index, match.Length));
    }
}
