using Mediator;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Api.Tasks;

/// <summary>The inbox: my tasks, my team's claimable tasks, and what one does with a task.</summary>
public static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Taken");
        tasks.MapGet("/mine", async (string? casus, int? skip, int? take, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListMyTasks(CurrentUser.From(http), casus, skip ?? 0, take ?? 50), ct)).ToHttp())
            .Access(Policies.CasusWork).WithSummary("Mijn open taken, te laat eerst, dan op termijn.");
        tasks.MapGet("/team", async (string? casus, int? skip, int? take, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new ListTeamTasks(CurrentUser.From(http), casus, skip ?? 0, take ?? 50), ct)).ToHttp())
            .Access(Policies.CasusWork).WithSummary("Taken van mijn rollen en teams die nog niemand heeft opgepakt.");
        tasks.MapGet("/{id:guid}", async (Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new GetTask(id, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een taak met zijn formulier en uitkomsten.");
        tasks.MapPost("/{id:guid}/claim", async (Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new ClaimTask(id, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een teamtaak oppakken (409 als iemand u voor was).");
        tasks.MapPost("/{id:guid}/release", async (Guid id, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new ReleaseTask(id, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een opgepakte taak teruggeven aan het team.");
        tasks.MapPost("/{id:guid}/complete", async (Guid id, CompleteInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new CompleteTask(id, body, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Afronden met een uitkomst en de formuliervelden (400 per veld; 409 als de taak al is afgehandeld).");
        tasks.MapPost("/{id:guid}/reassign", async (Guid id, ReassignInput body, HttpContext http, IMediator m, CancellationToken ct) =>
                (await m.Send(new ReassignTask(id, body, CurrentUser.From(http)), ct)).ToHttp())
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een taak overdragen (wie hem heeft, of de voorzitter).");
    }
}
