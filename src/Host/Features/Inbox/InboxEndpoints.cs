using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Inbox;

/// <summary>The inbox views each person saves for themselves (filters and sort).</summary>
public static class InboxEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var views = api.MapGroup("/inbox/views").WithTags("Inbox");
        views.MapGet("", ListAsync).Access(Policies.CasusWork).WithSummary("Mijn opgeslagen inboxweergaven.");
        views.MapPost("", SaveAsync).Access(Policies.CasusWork)
            .WithSummary("Een weergave opslaan: name, filter (status, route, due, casus, team) en sort; dezelfde naam vervangt de vorige.");
        views.MapDelete("/{id:guid}", DeleteAsync).Access(Policies.CasusWork).WithSummary("Een eigen weergave verwijderen.");
    }

    private static async Task<Ok<IReadOnlyList<InboxViewDto>>> ListAsync(HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListInboxViews(CurrentUser.From(http)), ct)).ToOk();

    private static async Task<Results<Ok<InboxViewDto>, InvalidProblem>> SaveAsync(SaveViewInput body, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new SaveInboxView(body, CurrentUser.From(http)), ct)).ToOkOr400();

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(Guid id, HttpContext http, IMediator m, CancellationToken ct)
    {
        var outcome = await m.Send(new DeleteInboxView(id, CurrentUser.From(http)), ct);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.ToNotFound();
    }
}
