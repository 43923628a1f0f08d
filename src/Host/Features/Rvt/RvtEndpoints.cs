using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Rvt;

/// <summary>What the RVT table needs beyond the inbox: the agenda of casus planned for bespreking.</summary>
public static class RvtEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/rvt/agenda", GetAgendaAsync)
            .WithTags("RVT").Access(Policies.RvtTafel)
            .WithSummary("De tafelagenda: casussen die triage naar bespreking stuurde en nog op hun advies wachten, op tafeldatum.");
    }

    private static async Task<Ok<IReadOnlyList<AgendaPunt>>> GetAgendaAsync(HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetTafelAgenda(CurrentUser.From(http)), ct)).ToOk();
}
