using Microsoft.AspNetCore.Diagnostics;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Api;

/// <summary>
/// An audit line the database refused means the action did not happen (a change rolled back with its line, a
/// read not served): 503 with a problem that says so, rather than a bare 500 or, worse, data served unaudited.
/// </summary>
public sealed class AuditUnavailableHandler(ILogger<AuditUnavailableHandler> logger) : IExceptionHandler
{
    public const string ProblemType = "urn:processengine:problem:audit-unavailable";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is not AuditUnavailableException) return false;
        logger.LogError(exception, "An audit line could not be written for {Method} {Path}; the request was refused", http.Request.Method, http.Request.Path);
        await Results.Problem(type: ProblemType, statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Het auditlog kan nu niet worden geschreven.",
            detail: "Er is niets gewijzigd en niets getoond. Probeer het over een moment opnieuw; blijft dit zo, meld het dan bij de beheerder.")
            .ExecuteAsync(http);
        return true;
    }
}
