namespace ProcessEngine.HostStore.Audit;

/// <summary>NEN 7513 action codes: what was done to the data.</summary>
public static class AuditAction
{
    public const string Create = "C";
    public const string Read = "R";
    public const string Update = "U";
    public const string Delete = "D";
    /// <summary>Execute: a sign-in, an export, a print — something done rather than data changed.</summary>
    public const string Execute = "E";
}

/// <summary>Outcome codes as NEN 7513 borrows them from IHE ATNA: 0 success, 4 minor failure (refused), 8 serious failure.</summary>
public static class AuditOutcome
{
    public const string Success = "0";
    public const string Refused = "4";
    public const string Failed = "8";
}

/// <summary>
/// One line of the append-only audit log (NEN 7513 core fields). Each line carries the hash of the line
/// before it, so a changed, removed or inserted line breaks the chain from that point on; the hash is keyed
/// (<see cref="AuditChain"/>), so the chain cannot be recomputed by someone who has only the database.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3, … without gaps: a gap is as suspicious as a broken hash.</summary>
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>What happened, e.g. "casus.read", "veiligheidskaart.update", "auth.signin".</summary>
    public string EventCode { get; set; } = "";
    public string Action { get; set; } = "";
    public string Outcome { get; set; } = "";
    public string? UserId { get; set; }
    public string? Role { get; set; }
    public string? OnBehalfOf { get; set; }
    public string? CasusCode { get; set; }
    /// <summary>The casus codes a list view showed (comma-separated, sorted, each once); null on a line about one casus or none.</summary>
    public string? CasusCodes { get; set; }
    /// <summary>Why: "zorgverlening" (care for the family), "verantwoording" (figures), "beheer", "toegang".</summary>
    public string? Purpose { get; set; }
    public string? SourceAddress { get; set; }
    /// <summary>The node (host process) that wrote the line; null on lines written before nodes were named.</summary>
    public string? Node { get; set; }
    /// <summary>A short, content-free note (the endpoint, a version number); never casus text.</summary>
    public string? Detail { get; set; }
    public string PreviousHash { get; set; } = "";
    /// <summary>The id of the key whose HMAC <see cref="Hash"/> is; null on lines written before keys existed.</summary>
    public string? KeyId { get; set; }
    public string Hash { get; set; } = "";

    /// <summary>The codes of a list view as stored: distinct, sorted, comma-separated; null when the list showed no casus.</summary>
    public static string? JoinCodes(IEnumerable<string?> codes)
    {
        var distinct = codes.OfType<string>().Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return distinct.Count == 0 ? null : string.Join(',', distinct);
    }
}
