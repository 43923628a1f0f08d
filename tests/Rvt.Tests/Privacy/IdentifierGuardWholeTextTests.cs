using ProcessEngine.Rvt.Privacy;
using static ProcessEngine.Rvt.Tests.Privacy.GuardAssertions;

namespace ProcessEngine.Rvt.Tests.Privacy;

/// <summary>The guard on whole texts: several identifiers, overlaps, its messages, and long or random input.</summary>
public sealed class IdentifierGuardWholeTextTests
{
    [Fact]
    public void Find_ReportsEachIdentifierOnceInOrder_WhenTextHoldsSeveral()
    {
        const string text = "Moeder (BSN 123456782) is bereikbaar op 06-12345678 of moeder@example.nl; adres Kerkstraat 12. Dochter geb. 12-03-2015.";

        var findings = FindChecked(text);

        Assert.Equal(
            [(IdentifierKind.Bsn, 12, 9), (IdentifierKind.PhoneNumber, 40, 11), (IdentifierKind.Email, 55, 17), (IdentifierKind.PostcodeWithHouseNumber, 80, 13), (IdentifierKind.BirthDate, 108, 10)],
            findings.Select(f => (f.Kind, f.Index, f.Length)));
    }

    [Fact]
    public void Find_ReportsOnlyThePhoneNumber_WhenItsTailIsAlsoAValidBsn()
    {
        // "612345671" passes the elfproef, but here it is the subscriber part of an international number.
        var finding = Assert.Single(FindChecked("Bel +31 612345671 vandaag."));

        Assert.Equal((IdentifierKind.PhoneNumber, 4, 13), (finding.Kind, finding.Index, finding.Length));
    }

    [Fact]
    public void Find_WritesDutchMessageWithPosition_WhenBsnIsFound()
    {
        var finding = Assert.Single(FindChecked("BSN vader 123.456.782."));

        Assert.Equal(
            "Dit lijkt een BSN (9 cijfers die de elfproef doorstaan), bij woord 3 (vanaf teken 11). Noem geen BSN van gezinsleden; gebruik de casuscode.",
            finding.Message);
    }

    [Fact]
    public void Find_ReportsNothing_WhenProfessionalTextHasNoIdentifiers()
    {
        const string text = "Moeder (32) en vader maken veel ruzie; oma woont in dezelfde wijk en helpt met de kinderen. Afspraak: netwerkberaad op 12-03-2026 om 10:00.";

        Assert.Empty(FindChecked(text));
        Assert.False(IdentifierGuard.ContainsIdentifier(text));
        Assert.Null(IdentifierGuard.FirstMessage(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Find_ReportsNothing_WhenTextIsNullOrEmpty(string? text)
    {
        Assert.Empty(IdentifierGuard.Find(text));
        Assert.False(IdentifierGuard.ContainsIdentifier(text));
        Assert.Null(IdentifierGuard.FirstMessage(text));
    }

    [Fact]
    public void FirstMessage_ReturnsMessageOfEarliestFinding_WhenTextHoldsSeveral()
    {
        const string text = "Mail moeder@example.nl of bel 06-12345678.";

        var message = IdentifierGuard.FirstMessage(text);

        Assert.True(IdentifierGuard.ContainsIdentifier(text));
        Assert.Equal(FindChecked(text)[0].Message, message);
        Assert.StartsWith("Dit lijkt een e-mailadres", message);
    }

    [Fact]
    public void Find_ReturnsOrderedFindingsInsideText_WhenTextIsRandomMixOfFragments()
    {
        // Fragments that sit on the rules' edges, glued at random: no rule may throw, overlap another or run past the text.
        string[] fragments = ["0", "1", "9", "06", "+31", "0031", "12-03-2015", "2015-03-12", "12 maart 2015", " mrt. ", "geb. ", "geboren",
            "(8 jr)", "jaar oud", "1234 AB", "1234ab", "straat ", "Weg ", "nr. ", "a@b.nl", "@", ".", "-", "/", " ", "\n", ";", "(", ")", "(°",
            "e", "bis", "123456782", "1234.56.782"];
        var random = new Random(7);
        for (int i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => fragments[random.Next(fragments.Length)]));
            int end = 0;
            foreach (var finding in Checked(text, IdentifierGuard.Find(text, Today)))
            {
                Assert.True(finding.Index >= end && finding.Length > 0, $"Overlap of lege vondst in: {text}");
                end = finding.Index + finding.Length;
            }
        }
    }

    [Fact]
    public void Find_FindsNothing_WhenTextIsTenKilobytesOfCaseNotesWithoutIdentifiers()
    {
        var text = Repeat("Moeder (32) en vader maken ruzie; netwerkberaad op 12-03-2026 om 10:00 bij de Kerkstraat. ", 10_000);
        Assert.Empty(FindChecked(text));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("a")]
    [InlineData(".")]
    [InlineData("1 ")]
    [InlineData("12-03-2016 ")]
    [InlineData("1234 AB ")]
    [InlineData("Kerkstraat ")]
    [InlineData("a@b.")]
    [InlineData("(° ")]
    public void Find_StillFindsTheBirthDate_WhenTextRepeatsOnePatternFor40Kilobytes(string unit)
    {
        // Speed is not asserted here (no timed unit tests); these inputs are the ones a backtracking rule would choke on.
        var text = Repeat(unit, 40_000) + ". Zoon geboren 12-03-2015.";
        var findings = Checked(text, IdentifierGuard.Find(text, Today));
        Assert.Equal((IdentifierKind.BirthDate, text.Length - 11), (findings[^1].Kind, findings[^1].Index));
    }
}
