using ProcessEngine.Rvt.Privacy;

namespace ProcessEngine.Rvt.Tests.Privacy;

/// <summary>The checks every identifier-guard test runs its findings through.</summary>
internal static class GuardAssertions
{
    // A fixed day, so the "past 25 years" of the age rule does not move with the clock.
    public static readonly DateOnly Today = new(2026, 6, 1);

    public static string Repeat(string unit, int length) => string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];

    public static IReadOnlyList<IdentifierFinding> FindChecked(string text) => Checked(text, IdentifierGuard.Find(text, Today));

    // Every finding of every test goes through here: no message may repeat what it found, as typed or as bare
    // digits, because messages are logged and shown in audits.
    public static IReadOnlyList<IdentifierFinding> Checked(string text, IReadOnlyList<IdentifierFinding> findings)
    {
        foreach (var finding in findings)
        {
            var identifier = text.Substring(finding.Index, finding.Length);
            Assert.False(finding.Message.Contains(identifier, StringComparison.OrdinalIgnoreCase), $"Melding herhaalt het kenmerk: {finding.Message}");
            var digits = new string(identifier.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length >= 4) Assert.DoesNotContain(digits, finding.Message);
        }
        return findings;
    }

    public static void AssertSingle(string text, IdentifierKind kind, string identifier)
    {
        var finding = Assert.Single(FindChecked(text));
        Assert.Equal(
            (kind, text.IndexOf(identifier, StringComparison.Ordinal), identifier.Length),
            (finding.Kind, finding.Index, finding.Length));
    }
}
