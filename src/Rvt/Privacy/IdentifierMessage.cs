namespace ProcessEngine.Rvt.Privacy;

/// <summary>What the professional is told about a finding: what it looks like, where, and what to write instead.</summary>
internal static class IdentifierMessage
{
    // The position is given as a word number and a 1-based character number: both are countable in the field the
    // professional is looking at, and neither repeats any of the identifier's characters.
    public static string For(IdentifierKind kind, int index, int word)
    {
        var (what, advice) = kind switch
        {
            IdentifierKind.Bsn => ("een BSN (9 cijfers die de elfproef doorstaan)", "Noem geen BSN van gezinsleden; gebruik de casuscode."),
            IdentifierKind.BirthDate => ("een geboortedatum (een volledige datum bij 'geboren' of bij een leeftijd)",
                "Noem geen geboortedatum van gezinsleden; noem zo nodig alleen de leeftijd in jaren."),
            IdentifierKind.PostcodeWithHouseNumber => ("een adres (postcode of straatnaam met huisnummer)",
                "Noem geen adres van gezinsleden; noem zo nodig alleen de woonplaats of de wijk."),
            IdentifierKind.Email => ("een e-mailadres", "Noem geen e-mailadressen in vrije tekst; contactgegevens horen hier niet thuis."),
            IdentifierKind.PhoneNumber => ("een telefoonnummer", "Noem geen telefoonnummers in vrije tekst; contactgegevens horen hier niet thuis."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Onbekend soort kenmerk."),
        };
        return $"Dit lijkt {what}, bij woord {word} (vanaf teken {index + 1}). {advice}";
    }
}
