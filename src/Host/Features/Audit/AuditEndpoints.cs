using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Features.Audit;

/// <summary>The audit log for admins.</summary>
public static class AuditEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/audit", SearchAuditAsync).InputCanBeRefused()
            .WithTags("Audit").Access(Policies.Admin).WithSummary("Het auditlog doorzoeken, nieuwste eerst; blader met ?voor=<volgnummer>.");
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> SearchAuditAsync(string? casus, string? gebruiker, string? gebeurtenis, DateTimeOffset? van,
        DateTimeOffset? tot, long? voor, int? take, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SearchAudit(new AuditQuery(casus, gebruiker, gebeurtenis, van, tot, voor, take ?? 100), CurrentUser.From(http)), ct)).ToOk();
}
