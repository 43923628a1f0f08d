using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Features.Audit;

public sealed record SearchAudit(AuditQuery Query, CurrentUser User) : IRequest<RequestResult<IReadOnlyList<AuditEntry>>>;

/// <summary>Admins search the audit log; the search itself is a line in it.</summary>
public sealed class AuditHandler(AuditLog log, Auditor audit) : IRequestHandler<SearchAudit, RequestResult<IReadOnlyList<AuditEntry>>>
{
    public async ValueTask<RequestResult<IReadOnlyList<AuditEntry>>> Handle(SearchAudit request, CancellationToken ct)
    {
        var lines = await log.SearchAsync(request.Query, ct);
        // Looking into the audit log is itself something to account for.
        await audit.RecordAsync(request.User, "audit.search", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeManagement,
            request.Query.CasusCode, detail: request.Query.UserId is { } u ? $"gebruiker {u}" : null, ct: ct);
        return RequestResult<IReadOnlyList<AuditEntry>>.Ok(lines);
    }
}
