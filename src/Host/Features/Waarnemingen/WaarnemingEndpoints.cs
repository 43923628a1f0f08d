using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Waarnemingen;

/// <summary>Stand-in periods (waarnemingen): one's own, and for the RVT chair everyone's.</summary>
public static class WaarnemingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var waarnemingen = api.MapGroup("/waarnemingen").WithTags("Waarnemingen");
        waarnemingen.MapGet("", ListAsync).Access(Policies.CasusWork)
            .WithSummary("Lopende en komende waarnemingen waarin ik afwezig ben of waarneem; voor de voorzitter alle.");
        waarnemingen.MapPost("", SetAsync).Access(Policies.CasusWork)
            .WithSummary("Een waarnemer instellen (absent leeg: voor mijzelf; voor een ander alleen de voorzitter): standIn, from, until (t/m), reason.");
        waarnemingen.MapPost("/{id:guid}/end", EndAsync).Access(Policies.CasusWork)
            .WithSummary("Een waarneming nu beëindigen, of intrekken voordat zij begint (de afwezige, wie haar instelde, of de voorzitter).");
    }

    private static async Task<Ok<IReadOnlyList<WaarnemingView>>> ListAsync(HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListWaarnemingen(CurrentUser.From(http)), ct)).ToOk();

    private static async Task<Results<Created<WaarnemingView>, InvalidProblem, ForbiddenProblem>> SetAsync(WaarnemingInput body, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new SetWaarneming(body, CurrentUser.From(http)), ct)).ToCreatedOr400Or403(w => $"/api/waarnemingen/{w.Id}");

    private static async Task<Results<Ok<WaarnemingView>, ForbiddenProblem, NotFoundProblem, ConflictProblem>> EndAsync(Guid id, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new EndWaarneming(id, CurrentUser.From(http)), ct)).ToOkOr403Or404Or409();
}
