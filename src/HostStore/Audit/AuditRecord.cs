namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// What a caller wants logged; the log adds the time, the sequence and the hashes. A list view that shows several
/// casussen (an inbox, the table agenda, the incidents) is one line naming all their codes in <see cref="CasusCodes"/>
/// (<see cref="AuditEntry.JoinCodes"/>), with <see cref="CasusCode"/> left empty.
/// </summary>
public sealed record AuditRecord(
    string EventCode,
    string Action,
    string Outcome,
    string? UserId,
    string? Role,
    string? CasusCode,
    string? Purpose,
    string? SourceAddress,
    string? Detail = null,
    string? OnBehalfOf = null,
    string? CasusCodes = null);
