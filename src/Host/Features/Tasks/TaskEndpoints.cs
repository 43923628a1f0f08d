using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Features.Tasks;

/// <summary>The inbox: my tasks, my team's claimable tasks, and what one does with a task.</summary>
public static class TaskEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var tasks = api.MapGroup("/tasks").WithTags("Taken");
        tasks.MapGet("/mine", ListMineAsync).InputCanBeRefused()
            .Access(Policies.CasusWork).WithSummary("Mijn open taken, te laat eerst, dan op termijn; sort=FollowUp of Priority ordent op opvolgdatum of prioriteit.");
        tasks.MapGet("/team", ListTeamAsync).InputCanBeRefused()
            .Access(Policies.CasusWork).WithSummary("Taken van mijn rollen en teams die nog niemand heeft opgepakt.");
        tasks.MapGet("/waarneming", ListStandInAsync).InputCanBeRefused()
            .Access(Policies.CasusWork).WithSummary("De open taken van wie ik nu waarneem (namens die persoon, alleen in de periode).");
        tasks.MapGet("/{id:guid}", GetAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een taak met zijn formulier en uitkomsten.");
        tasks.MapPost("/{id:guid}/claim", ClaimAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een teamtaak oppakken (409 als iemand u voor was).");
        tasks.MapPost("/{id:guid}/release", ReleaseAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een opgepakte taak teruggeven aan het team.");
        tasks.MapPost("/{id:guid}/complete", CompleteAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Afronden met een uitkomst en de formuliervelden (400 per veld; 409 als de taak al is afgehandeld).");
        tasks.MapPost("/{id:guid}/reassign", ReassignAsync)
            .Access(Policies.CasusWork, involvement: true).WithSummary("Een taak overdragen (wie hem heeft, of de voorzitter).");
        tasks.MapPost("/{id:guid}/vertragen", SlowAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Bewust vertragen: een dag (until) en een reden; tot die dag geen herinnering of escalatie (wie de taak heeft, of de duopartner).");
        tasks.MapPut("/{id:guid}/follow-up", FollowUpAsync)
            .Access(Policies.CasusWork, involvement: true)
            .WithSummary("Opvolgdatum (followUpOn, los van de termijn) en prioriteit (High, Normal, Low) zetten: wie de taak heeft, of diens waarnemer.");
    }

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListMineAsync(string? casus, int? skip, int? take, Inbox.InboxSort? sort, HttpContext http,
        IMediator m, CancellationToken ct) =>
        (await m.Send(new ListMyTasks(CurrentUser.From(http), casus, skip ?? 0, take ?? 50, sort ?? Inbox.InboxSort.Due), ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListTeamAsync(string? casus, int? skip, int? take, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new ListTeamTasks(CurrentUser.From(http), casus, skip ?? 0, take ?? 50), ct)).ToOk();

    private static async Task<Ok<IReadOnlyList<TaskView>>> ListStandInAsync(string? casus, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ListStandInTasks(CurrentUser.From(http), casus), ct)).ToOk();

    private static async Task<Results<Ok<TaskView>, ForbiddenProblem, NotFoundProblem>> GetAsync(Guid id, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new GetTask(id, CurrentUser.From(http)), ct)).ToOkOr403Or404();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> ClaimAsync(Guid id,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ClaimTask(id, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> ReleaseAsync(Guid id,
        HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ReleaseTask(id, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> CompleteAsync(Guid id,
        CompleteInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new CompleteTask(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> ReassignAsync(Guid id,
        ReassignInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new ReassignTask(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> SlowAsync(Guid id,
        SlowInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new SlowTask(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();

    private static async Task<Results<Ok<TaskView>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem>> FollowUpAsync(Guid id,
        Inbox.FollowUpInput body, HttpContext http, IMediator m, CancellationToken ct) =>
        (await m.Send(new Inbox.SetTaskFollowUp(id, body, CurrentUser.From(http)), ct)).ToOkOr400Or403Or404Or409();
}
