namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// The database refused an audit line. What the line was about does not happen: a change rolls back with it, a
/// read is not served. The host answers 503 and says why, so nobody mistakes it for a broken request.
/// </summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit log could not be written; the action was not carried out.", inner);
