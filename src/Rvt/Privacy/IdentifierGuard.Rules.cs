using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ProcessEngine.Rvt.Privacy;

// The patterns of all five rules, and the birth-date rule, the one rule that looks beyond its own match.
// Patterns are source-generated (nothing is built per call); each is fenced by look-arounds so a candidate is tried
// once from its start, which keeps every rule a single linear pass over the text.
// [0-9] rather than \d throughout: \d also matches non-Latin digits, which the arithmetic here cannot read.
public static partial class IdentifierGuard
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const string Month = @"(?i:jan(?:uari)?|feb(?:ruari|r)?|maart|mrt|apr(?:il)?|mei|juni?|juli?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\p{L})";
    private const string Day = "(?:3[01]|[12][0-9]|0?[1-9])", MonthDigits = "(?:1[0-2]|0?[1-9])";

    // A house number with an optional addition (12a, 12-2, 12 bis, 12hs). It may not run on into a date, time or
    // decimal ("12-03-2026", "10:00", "12,5") nor be a day followed by a month name ("12 maart").
    private const string HouseNumber = @"(?<![0-9])[1-9][0-9]{0,4}(?:-[0-9]{1,4}|[ -]?(?:bis|hs|bg|huis|boven|[A-Za-z]))?(?![\p{L}0-9]|[-/.:,][0-9]|[ ]+" + Month + ")";

    // Plain nine digits, or 3-3-3 or 4-2-3 (the form printed on Dutch ID documents) with one consistent separator.
    // Grouped forms also refuse a digit one separator away, so a longer grouped number is not cut into a BSN.
    // The shared three-digit head lets the engine try each candidate once instead of once per form.
    [GeneratedRegex(@"(?<![0-9])[0-9]{3}(?:[0-9]{6}(?![0-9])|(?<![0-9][. ][0-9]{3})(?:(?<s>[. ])[0-9]{3}\k<s>[0-9]{3}|[0-9](?<s>[. ])[0-9]{2}\k<s>[0-9]{3})(?![. ]?[0-9]))", Options)]
    private static partial Regex BsnPattern();

    // +31 / 0031 (optionally "(0)") and nine digits, or 0 and nine digits (area code maybe in brackets); between
    // digits one space, or a dash or slash with optional spaces. Not the tail of a date ("12-03-2026 12-03"), and
    // the look-ahead on the national form refuses a date with a time ("05-03-2026 10:00"): both also have ten digits.
    [GeneratedRegex(@"(?<![\w+]|[0-9][-/.])(?:(?:\+|00)31(?:[ ]?[-/][ ]?|[ ])?(?:\(0\)[ ]?|0)?[1-9](?:(?:[ ]?[-/][ ]?|[ ])?[0-9]){8}|(?!0[1-9](?<s>[-/])[01]?[0-9]\k<s>[0-9]{2,4}(?![0-9]))\(?0[1-9](?:(?:[ ]?[-/][ ]?|\)[ ]?|[ ])?[0-9]){8})(?![0-9])", Options)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}(?![\w-])", Options)]
    private static partial Regex EmailPattern();

    // Postcode (1000-9999, letters not SA/SD/SS) with a house number: right before it, as in the usual address line
    // "Laan van Meerdervoort 12, 2517 AA", or after it within 40 characters that hold no other number. Before a
    // postcode the house number needs none of the checks against dates and times: the postcode settles it.
    // A spaced postcode needs capitals, so ordinary prose such as "in 2015 en 2016" is not an address.
    private const string Postcode = @"[1-9][0-9]{3}(?:[ \u00A0](?!S[ADS])[A-Z]{2}|(?![Ss][AaDdSs])[A-Za-z]{2})(?!\p{L})";

    [GeneratedRegex(@"(?<![\p{L}0-9])(?:[1-9][0-9]{0,4}(?:-[0-9]{1,4}|[ -]?(?:bis|hs|[A-Za-z]))?,?(?:[ \u00A0]{1,2}|\r?\n)" + Postcode + "|" + Postcode + @"[^0-9\r\n]{0,40}?" + HouseNumber + ")", Options)]
    private static partial Regex PostcodeAddressPattern();

    // A street-like word and a house number. Matching starts at the house number and finds the street in a
    // look-behind (which still captures it): digits are far rarer than word starts, so prose costs little, and two
    // one-character look-behinds turn away most digits before the long one runs.
    [GeneratedRegex(@"(?<![0-9])(?<=[\p{L}. \u00A0])(?<=(?<street>(?<!\p{L})\p{L}[\p{L}'-]*(?i:straat|laan|plein|kade|gracht|singel|dreef|dijk|steeg|str\.|weg|hof|pad))[ \u00A0]*(?i:(?:nr\.?|nummer)[ \u00A0]*)?)" + HouseNumber, Options)]
    private static partial Regex StreetAddressPattern();

    // d-m-y (2- or 4-digit year), y-m-d, or "12 maart 2015"; separators '-', '/' or '.', used consistently.
    [GeneratedRegex(@"(?<![0-9][-/.]?)(?:" + Day + @"(?<s>[-/.])" + MonthDigits + @"\k<s>(?:[0-9]{4}|[0-9]{2})|(?:19|20)[0-9]{2}(?<s>[-/.])" + MonthDigits + @"\k<s>" + Day + "|" + Day + @"(?:e|ste|de)?[ \u00A0]+" + Month + @"\.?[ \u00A0]+[0-9]{4})(?![-/.]?[0-9])", Options)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?i:geboren|geboorte|\bgeb\b|\bgebdatum\b|verjaardag|\bd\.?o\.?b\b|\(°)", Options)]
    private static partial Regex BirthCuePattern();

    // An age written right next to a date: "(8 jr)", "8 jaar oud", "leeftijd". At most three characters of spacing
    // or punctuation in between, so "12-03-2024 (2 jaar geleden)" is not an age. Both run on a few characters around
    // a date, each tried at one position only: the first from the start, the second right to left from the end.
    private const string AgeCue = @"(?i:\([ ]?[0-9]{1,2}[ ]?(?:jr|jaar|j)\.?[ ]?\)|(?:[0-9]{1,2}[ ]?)?\bjaar[ ]+oud\b|\bleeftijd\b)";

    [GeneratedRegex(@"^[\s,:;()-]{0,3}" + AgeCue, Options)]
    private static partial Regex AgeCueAfterPattern();

    [GeneratedRegex(AgeCue + @"[\s,:;()-]{0,3}$", Options | RegexOptions.RightToLeft)]
    private static partial Regex AgeCueBeforePattern();

    // Dates are everywhere in case notes (meetings, court dates), so a date only counts with a birth cue in its
    // sentence or the 40 characters before it, or, if it lies in the past 25 years, with an age written right next to it.
    private static void AddBirthDates(string text, DateOnly today, List<Candidate> found)
    {
        BirthCues? birthCues = null;
        foreach (var match in DatePattern().EnumerateMatches(text))
        {
            if (!TryReadDate(text.AsSpan(match.Index, match.Length), today, out var date)) continue;
            int start = match.Index, end = match.Index + match.Length;
            birthCues ??= new BirthCues(text);
            bool isBirthDate = birthCues.NearDate(start, end)
                || (date <= today && date >= today.AddYears(-25) && HasAdjacentAge(text, start, end));
            if (isBirthDate) found.Add(new(IdentifierKind.BirthDate, start, match.Length));
        }
    }

    // A cue is at most a dozen characters and the gap at most three, so a short window on each side is enough.
    private static bool HasAdjacentAge(string text, int start, int end)
    {
        const int Window = 24;
        int before = Math.Max(0, start - Window);
        return AgeCueAfterPattern().IsMatch(text.AsSpan(end, Math.Min(Window, text.Length - end)))
            || AgeCueBeforePattern().IsMatch(text.AsSpan(before, start - before));
    }

    // Reads a matched date from its parts: a leading number, a trailing number and a month (digits or a name) in
    // between. Only real calendar dates from 1900 to 2099 count; a two-digit year is the latest not after today.
    private static bool TryReadDate(ReadOnlySpan<char> match, DateOnly today, out DateOnly date)
    {
        date = default;
        int leadEnd = match.IndexOfAnyExceptInRange('0', '9'), tailStart = match.LastIndexOfAnyExceptInRange('0', '9') + 1;
        int lead = int.Parse(match[..leadEnd], CultureInfo.InvariantCulture), tail = int.Parse(match[tailStart..], CultureInfo.InvariantCulture);
        var between = match[(leadEnd + 1)..(tailStart - 1)].Trim();
        int month = char.IsAsciiDigit(between[0])
            ? int.Parse(between, CultureInfo.InvariantCulture)
            : MonthNumber(between[(between.LastIndexOfAny(' ', '\u00A0') + 1)..]);
        (int year, int day) = leadEnd == 4 ? (lead, tail) : (tail, lead);
        if (leadEnd != 4 && match.Length - tailStart == 2) year += year <= today.Year % 100 ? today.Year / 100 * 100 : (today.Year / 100 - 1) * 100;
        if (year is < 1900 or > 2099 || month is < 1 or > 12 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    // The pattern admits no other month names, so what is left over is December.
    private static int MonthNumber(ReadOnlySpan<char> name)
    {
        Span<char> head = stackalloc char[3];
        name[..3].ToLowerInvariant(head);
        return head switch
        {
            "jan" => 1, "feb" => 2, "maa" or "mrt" => 3, "apr" => 4, "mei" => 5, "jun" => 6, "jul" => 7, "aug" => 8, "sep" => 9, "okt" => 10, "nov" => 11, _ => 12,
        };
    }

    // Where the birth cues and sentence ends are, found once per text and searched by position for each date.
    private sealed class BirthCues
    {
        private readonly List<int> _starts = [], _ends = [], _breaks = [];

        // A sentence ends at '.', '!' or '?' before whitespace or the end, at ';' (it separates remarks in notes), or at a
        // line break. Abbreviations such as "geb." end one too; the 40-character window looks across exactly that.
        public BirthCues(string text)
        {
            foreach (var match in BirthCuePattern().EnumerateMatches(text))
            {
                _starts.Add(match.Index);
                _ends.Add(match.Index + match.Length);
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c is ';' or '\n' || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))) _breaks.Add(i);
            }
        }

        // In the date's own sentence, on either side ("werd op ... geboren"), or ending at most 40 characters before it.
        public bool NearDate(int start, int end)
        {
            int breakBefore = LowerBound(_breaks, start) - 1, breakAfter = LowerBound(_breaks, end);
            int sentenceStart = breakBefore < 0 ? 0 : _breaks[breakBefore] + 1;
            int sentenceEnd = breakAfter < _breaks.Count ? _breaks[breakAfter] : int.MaxValue;
            int first = Math.Min(LowerBound(_starts, sentenceStart), LowerBound(_ends, start - 40));
            for (int i = first; i < _starts.Count && _starts[i] < Math.Max(sentenceEnd, start); i++)
            {
                bool inWindow = _starts[i] < start && _ends[i] >= start - 40;
                bool inSentence = _starts[i] >= sentenceStart && _ends[i] <= sentenceEnd;
                if (inWindow || inSentence) return true;
            }
            return false;
        }

        // First index whose value is at least the given one; the lists are built in text order, so sorted and distinct.
        private static int LowerBound(List<int> sorted, int value) => CollectionsMarshal.AsSpan(sorted).BinarySearch(value) is var i && i < 0 ? ~i : i;
    }
}
