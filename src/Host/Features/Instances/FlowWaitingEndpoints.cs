using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Security;
using ProcessEngine.Workflows.Monitoring;

namespace ProcessEngine.Host.Features.Instances;

/// <summary>
/// Where a flow's running trajecten wait, as the studio's heat map shows it, for whoever watches running instances (coordinators,
/// managers, admins): counts per activity, and the instances at one activity. No casus content; codes only for the RVT chair.
/// </summary>
public static class FlowWaitingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Instanties");
        flows.MapGet("/{id}/waiting", SummarizeAsync)
            .Access(Policies.OperateInstances)
            .WithSummary("Waar de lopende instanties van een flow nu wachten, per activiteit (alle versies): aantal, mediaan en langst in hele dagen, "
                + "en hoeveel over de norm van de stap (en twee keer de norm). Alleen aantallen.");
        flows.MapGet("/{id}/waiting/{activityId}", ListAsync)
            .Access(Policies.OperateInstances)
            .WithSummary("De instanties die bij één activiteit van een flow wachten, langst wachtend eerst (hoogstens 100). Casuscodes alleen voor wie "
                + "elke casus mag zien (de RVT-voorzitter), en dan in de auditlog.");
    }

    private static async Task<Results<Ok<IReadOnlyList<WaitingAtActivity>>, NotFoundProblem>> SummarizeAsync(string id, IMediator m, CancellationToken ct) =>
        (await m.Send(new GetFlowWaiting(id), ct)).ToOkOr404();

    private static async Task<Results<Ok<WaitingInstancesView>, NotFoundProblem>> ListAsync(string id, string activityId, HttpContext http, IMediator m,
        CancellationToken ct) =>
        (await m.Send(new ListWaitingInstances(id, activityId, CurrentUser.From(http)), ct)).ToOkOr404();
}
