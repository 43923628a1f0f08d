using ProcessEngine.Rvt.Privacy;
using static ProcessEngine.Rvt.Tests.Privacy.GuardAssertions;

namespace ProcessEngine.Rvt.Tests.Privacy;

public sealed class IdentifierGuardTests
{
    [Theory]
    [InlineData("123456782")]
    [InlineData("111222333")]
    [InlineData("999999990")]
    [InlineData("123.456.782")]
    [InlineData("123 456 782")]
    [InlineData("111.222.333")]
    [InlineData("1234.56.782")]
    [InlineData("1234 56 782")]
    public void Find_ReportsBsn_WhenNineDigitsPassElfproef(string bsn)
    {
        var text = $"BSN van moeder: {bsn}, graag controleren.";

        AssertSingle(text, IdentifierKind.Bsn, bsn);
    }

    [Theory]
    [InlineData("123456789")]
    [InlineData("111222334")]
    [InlineData("000000000")]
    [InlineData("123.456.789")]
    public void Find_ReportsNothing_WhenNineDigitsFailElfproef(string number)
    {
        Assert.Empty(FindChecked($"Zaaknummer {number} is aangemaakt."));
    }

    [Theory]
    [InlineData("1234567820")]
    [InlineData("9123456782")]
    [InlineData("91112223330")]
    [InlineData("1 123 456 782")]
    public void Find_ReportsNothing_WhenValidBsnIsPartOfLongerDigitRun(string number)
    {
        Assert.Empty(FindChecked($"Dossier {number} is overgedragen."));
    }

    public static TheoryData<string, string> CuesAndDates()
    {
        var data = new TheoryData<string, string>();
        string[] cues = ["geboren", "Geboren op", "geb.", "geboortedatum:", "geb datum", "verjaardag", "d.o.b.", "DOB", "(°"];
        string[] dates = ["12-03-2015", "12/03/2015", "12.03.2015", "2015-03-12", "12 maart 2015", "12 mrt 2015", "12 MRT. 2015", "3-7-2015", "12-03-15"];
        foreach (var cue in cues)
        {
            foreach (var date in dates) data.Add(cue, date);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CuesAndDates))]
    public void Find_ReportsBirthDate_WhenDateFollowsBirthCue(string cue, string date)
    {
        AssertSingle($"Jongste kind {cue} {date} en zit in groep 4.", IdentifierKind.BirthDate, date);
    }

    [Theory]
    [InlineData("Op 12 maart 2015 is Sem geboren in het ziekenhuis.", "12 maart 2015")]
    [InlineData("Sem (geb.\n12-03-2015) woont bij oma.", "12-03-2015")]
    [InlineData("De geboortedatum van de jongste staat hieronder. 01-02-2019", "01-02-2019")]
    [InlineData("Zoon, geboren 29-02-2016, gaat naar de opvang.", "29-02-2016")]
    public void Find_ReportsBirthDate_WhenCueIsInSentenceOrJustBefore(string text, string date)
    {
        AssertSingle(text, IdentifierKind.BirthDate, date);
    }

    [Theory]
    [InlineData("Afspraak: netwerkberaad op 12-03-2026 om 10:00.")]
    [InlineData("Zitting bij de kinderrechter op 2026-03-12.")]
    [InlineData("Evaluatie gepland op 12 maart 2026, daarna 05-03-2027 10:00 opnieuw.")]
    [InlineData("Vader is geboren in Marokko en kwam naar Nederland toen hij jong was. Het gesprek was op 12-03-2026.")]
    [InlineData("Geboren 31-02-2015 kan niet, dat is geen datum.")]
    [InlineData("Sem is jarig op 12 maart.")]
    public void Find_ReportsNothing_WhenDateHasNoBirthCue(string text)
    {
        Assert.Empty(FindChecked(text));
    }

    [Theory]
    [InlineData("Sem, 12-03-2018 (8 jr), zit in groep 5.", "12-03-2018")]
    [InlineData("Lisa 01-02-2010, 16 jaar oud, gaat naar het vmbo.", "01-02-2010")]
    [InlineData("Leeftijd: 2 april 2005.", "2 april 2005")]
    [InlineData("Baby 2026-05-01 (0 jaar).", "2026-05-01")]
    public void Find_ReportsBirthDate_WhenRecentDateIsNextToAge(string text, string date)
    {
        AssertSingle(text, IdentifierKind.BirthDate, date);
    }

    [Theory]
    [InlineData("Oma 12-03-1950 (76 jr) helpt mee.")]
    [InlineData("Op 12-03-2024 (2 jaar geleden) was er een melding.")]
    [InlineData("Volgende evaluatie 12-03-2027 (8 jr).")]
    public void Find_ReportsNothing_WhenAgeCueDoesNotMakeARecentBirthDate(string text)
    {
        Assert.Empty(FindChecked(text));
    }

    [Fact]
    public void Find_UsesTodayForAgeRule_WhenNoDayIsGiven()
    {
        var date = DateTime.Today.AddYears(-8).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"Sem, {date} (8 jr), zit in groep 5.";

        var finding = Assert.Single(Checked(text, IdentifierGuard.Find(text)));
        Assert.Equal((IdentifierKind.BirthDate, text.IndexOf(date, StringComparison.Ordinal)), (finding.Kind, finding.Index));
    }

    [Theory]
    [InlineData("Gezin woont op 1234 AB 12.", "1234 AB 12")]
    [InlineData("Postcode 1234ab 12a bekend bij school.", "1234ab 12a")]
    [InlineData("Adres: 1234 AB Rotterdam, huisnummer 12-2.", "1234 AB Rotterdam, huisnummer 12-2")]
    [InlineData("Moeder woont aan de Kerkstraat 12 met de kinderen.", "Kerkstraat 12")]
    [InlineData("Oma woont Dorpsstraat 3 bis, vlakbij.", "Dorpsstraat 3 bis")]
    [InlineData("Vader verblijft Hoofdweg 120 tijdelijk.", "Hoofdweg 120")]
    [InlineData("Het kind slaapt bij tante op de Prinsengracht 263hs.", "Prinsengracht 263hs")]
    [InlineData("Nieuw adres Kerkstr. 5 per maart.", "Kerkstr. 5")]
    [InlineData("Woont Burgemeester Visserlaan nr. 7 sinds kort.", "Visserlaan nr. 7")]
    [InlineData("Adres: Laan van Meerdervoort 12, 2517 AA Den Haag.", "12, 2517 AA")]
    [InlineData("Post naar Kerkstraat 12\n1234 AB Utrecht sturen.", "Kerkstraat 12\n1234 AB")]
    public void Find_ReportsAddress_WhenPostcodeOrStreetHasHouseNumber(string text, string address)
    {
        AssertSingle(text, IdentifierKind.PostcodeWithHouseNumber, address);
    }

    [Theory]
    [InlineData("Het gezin woont in postcodegebied 1234 AB.")]
    [InlineData("Het team werkt in de regio 4700-4799.")]
    [InlineData("Wijkteam 4700 heeft de zaak.")]
    [InlineData("In 2015 en 2016 waren er meldingen.")]
    [InlineData("Vader was onderweg 2 uur te laat.")]
    [InlineData("Gezin in 1234 AB, gesprek op 12 maart gepland.")]
    [InlineData("Op de Kerkstraat werd 3 keer gebeld.")]
    public void Find_ReportsNothing_WhenPostcodeOrStreetHasNoHouseNumber(string text)
    {
        Assert.Empty(FindChecked(text));
    }

    [Theory]
    [InlineData("moeder@example.nl")]
    [InlineData("j.de.vries+school@gemeente-utrecht.nl")]
    [InlineData("OPA_1960@mail.example.com")]
    public void Find_ReportsEmail_WhenAddressIsPresent(string email)
    {
        AssertSingle($"Mail de school via {email}. Dank.", IdentifierKind.Email, email);
    }

    [Theory]
    [InlineData("06-12345678")]
    [InlineData("06 1234 5678")]
    [InlineData("06 - 12345678")]
    [InlineData("+31 6 12345678")]
    [InlineData("+31612345678")]
    [InlineData("+31 (0)6 12345678")]
    [InlineData("0031612345678")]
    [InlineData("010-1234567")]
    [InlineData("0101234567")]
    [InlineData("0575-123456")]
    [InlineData("+31 10 1234567")]
    [InlineData("(010) 1234567")]
    [InlineData("020 - 123 45 67")]
    public void Find_ReportsPhoneNumber_WhenDutchNumberIsPresent(string phone)
    {
        AssertSingle($"Vader is bereikbaar op {phone} na vijven.", IdentifierKind.PhoneNumber, phone);
    }

    [Theory]
    [InlineData("Bel het wijkteam, toestel 12345.")]
    [InlineData("Gesprek 05-03-2026 10:00 met school.")]
    [InlineData("Zaak 061234567 is gesloten.")]
    [InlineData("Dossier 06123456789 is gearchiveerd.")]
    public void Find_ReportsNoPhoneNumber_WhenDigitsAreNotADutchNumber(string text)
    {
        Assert.DoesNotContain(FindChecked(text), f => f.Kind == IdentifierKind.PhoneNumber);
    }
}
