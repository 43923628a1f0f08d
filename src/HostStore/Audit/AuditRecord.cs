namespace ProcessEngine.HostStore.Audit;

/// <summary>What a caller wants logged; the log adds the time, the sequence and the hashes.</summary>
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
    string? OnBehalfOf = null);
