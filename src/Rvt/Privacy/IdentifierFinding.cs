namespace ProcessEngine.Rvt.Privacy;

/// <summary>The kinds of direct identifier of a family member that free-text fields must not hold.</summary>
public enum IdentifierKind
{
    /// <summary>A burgerservicenummer: nine digits that pass the elfproef.</summary>
    Bsn,

    /// <summary>A full date that the surrounding words mark as someone's birth date or age.</summary>
    BirthDate,

    /// <summary>A postcode or street name together with a house number, which pins down one household.</summary>
    PostcodeWithHouseNumber,

    /// <summary>An e-mail address of anyone.</summary>
    Email,

    /// <summary>A Dutch mobile or landline number.</summary>
    PhoneNumber,
}

/// <summary>One direct identifier found in free text.</summary>
/// <param name="Kind">What the identifier looks like.</param>
/// <param name="Index">Zero-based start in the text, so an editor can highlight it without anyone quoting it.</param>
/// <param name="Length">Number of characters the identifier spans, counted from <paramref name="Index"/>.</param>
/// <param name="Message">
/// Dutch, for the professional who typed it. It names the position, never the identifier itself,
/// because messages are logged and shown in audits, and quoting would leak exactly what we refuse to store.
/// </param>
public sealed record IdentifierFinding(IdentifierKind Kind, int Index, int Length, string Message);
