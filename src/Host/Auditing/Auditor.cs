using ProcessEngine.Host.Access;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Auditing;

/// <summary>
/// The host's one way into the audit log, so every line has the same shape: who (user, role, address),
/// what (event, action, outcome), about which casus, and why (the purpose: the person's involvement).
/// </summary>
public sealed class Auditor(AuditLog log)
{
    public const string PurposeCare = "zorgverlening";
    public const string PurposeAccountability = "verantwoording";
    public const string PurposeManagement = "beheer";
    public const string PurposeAccess = "toegang";

    public Task CasusAsync(CurrentUser user, string eventCode, string action, string casusCode, CasusInvolvement access,
        string outcome = AuditOutcome.Success, string? detail = null, CancellationToken ct = default) =>
        log.AppendAsync(CasusRecord(user, eventCode, action, casusCode, access, outcome, detail), ct);

    /// <summary>The line of a change to a casus, for the service that writes the change to commit with it.</summary>
    public AuditLine CasusLine(CurrentUser user, string eventCode, string action, string casusCode, CasusInvolvement access, string? detail = null) =>
        new(log, CasusRecord(user, eventCode, action, casusCode, access, AuditOutcome.Success, detail));

    /// <remarks>A stand-in's line names on whose behalf they acted (<see cref="AuditRecord.OnBehalfOf"/>, part of the chained fields).</remarks>
    private static AuditRecord CasusRecord(CurrentUser user, string eventCode, string action, string casusCode, CasusInvolvement access,
        string outcome, string? detail) =>
        new(eventCode, action, outcome, user.UserName, user.AuditRole, casusCode,
            CasusAccess.Allowed(access.Access) ? $"{PurposeCare} ({Dutch(access.Access)})" : PurposeCare, user.SourceAddress, detail,
            OnBehalfOf: access.OnBehalfOf);

    /// <summary>A refused look at a casus is logged too: who tried to read what they may not see matters most.</summary>
    /// <remarks>A probe for a code that does not exist is refused too (<paramref name="reason"/> says so): guessing codes is what it shows.</remarks>
    public Task RefusedAsync(CurrentUser user, string eventCode, string action, string casusCode, string reason = "geen betrokkenheid",
        CancellationToken ct = default) =>
        log.AppendAsync(new AuditRecord(eventCode, action, AuditOutcome.Refused, user.UserName, user.AuditRole, casusCode, PurposeCare,
            user.SourceAddress, reason), ct);

    public Task RecordAsync(CurrentUser? user, string eventCode, string action, string outcome, string purpose, string? casusCode = null,
        string? detail = null, string? userName = null, string? sourceAddress = null, string? onBehalfOf = null, CancellationToken ct = default) =>
        log.AppendAsync(new AuditRecord(eventCode, action, outcome, user?.UserName ?? userName, user?.AuditRole, casusCode, purpose,
            user?.SourceAddress ?? sourceAddress, detail, onBehalfOf), ct);

    /// <summary>
    /// A list view that shows casus content or codes (an inbox with task descriptions, the table agenda, the incidents):
    /// one line naming every casus it showed, so the log stays readable and a search by casus still finds the look.
    /// A list that showed no casus leaves no line, unless <paramref name="always"/> (the management lists, whose every look counts).
    /// </summary>
    /// <param name="onBehalfOf">For a stand-in's list of the tasks of those they stand in for: their names.</param>
    public Task ListAsync(CurrentUser user, string eventCode, string purpose, IEnumerable<string?> casusCodes, int lines, bool always = false,
        string? onBehalfOf = null, CancellationToken ct = default)
    {
        var codes = AuditEntry.JoinCodes(casusCodes);
        if (codes is null && !always) return Task.CompletedTask;
        return log.AppendAsync(new AuditRecord(eventCode, AuditAction.Read, AuditOutcome.Success, user.UserName, user.AuditRole, null, purpose,
            user.SourceAddress, $"{lines} regel(s)", onBehalfOf, codes), ct);
    }

    /// <summary>A line for a change the engine commits: give it to the engine call, so both land in one transaction.</summary>
    public AuditLine Line(CurrentUser user, string eventCode, string action, string purpose, string? casusCode = null, string? detail = null,
        string? onBehalfOf = null) =>
        new(log, new AuditRecord(eventCode, action, AuditOutcome.Success, user.UserName, user.AuditRole, casusCode, purpose,
            user.SourceAddress, detail, onBehalfOf));

    /// <summary>A line for what the system itself does under a rule (retention), given to the call that does it.</summary>
    public AuditLine SystemLine(string systemUser, string eventCode, string action, string purpose, string casusCode, string? detail = null) =>
        new(log, new AuditRecord(eventCode, action, AuditOutcome.Success, systemUser, null, casusCode, purpose, null, detail));

    private static string Dutch(CasusAccessResult access) => access switch
    {
        CasusAccessResult.Inbrenger => "inbrenger",
        CasusAccessResult.DuoPartner => "duopartner",
        CasusAccessResult.Assignee => "taak",
        CasusAccessResult.Jeugdbeschermer => "jeugdbeschermer",
        CasusAccessResult.RvtTafel => "RVT-tafel",
        CasusAccessResult.RvtVoorzitter => "voorzitter RVT",
        CasusAccessResult.Waarnemer => "waarnemer",
        _ => "-",
    };
}
