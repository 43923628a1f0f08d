using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Diagnostics;

/// <summary>How the node is doing, for admins: no casus content, so no audit line.</summary>
public static class DiagnosticsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/diagnostics/database-work", (DatabaseWorkPerCall calls) => TypedResults.Ok(calls.Report()))
            .WithTags("Beheer").Access(Policies.Admin)
            .WithSummary("Wat elke soort API-aanroep van de database vroeg sinds de start van deze node: aanroepen, commits, statements en tijd.");
    }
}
