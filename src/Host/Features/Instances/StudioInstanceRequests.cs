using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Instances;

/// <summary>One instance in the studio's list of a flow: where it stands, never which casus it serves (the list needs no casus code).</summary>
public sealed record InstanceLine(Guid Id, int Version, WorkflowStatus Status, bool IsSubflow, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>What changes whenever an instance moves: its concurrency version (raised on every committed step) and status.</summary>
public sealed record InstanceStamp(Guid Id, int Version, WorkflowStatus Status);

/// <summary>A page of a flow's instances, newest first, narrowed by status, version, the activity waited in and the start moment.</summary>
public sealed record ListFlowInstances(string DefinitionId, int Skip, int Take, InstanceFilter? Filter = null)
    : IRequest<RequestResult<IReadOnlyList<InstanceLine>>>;

/// <summary>
/// The cheap question the instance viewer asks every few seconds: has anything happened? Only when the stamp
/// changed does it read the whole instance again (through <see cref="GetInstance"/>, which is audited).
/// </summary>
public sealed record GetInstanceStamp(Guid Id) : IRequest<RequestResult<InstanceStamp>>;

public sealed class StudioInstanceHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring) :
    IRequestHandler<ListFlowInstances, RequestResult<IReadOnlyList<InstanceLine>>>,
    IRequestHandler<GetInstanceStamp, RequestResult<InstanceStamp>>
{
    private const int MaxPage = 200;

    public async ValueTask<RequestResult<IReadOnlyList<InstanceLine>>> Handle(ListFlowInstances request, CancellationToken ct)
    {
        var instances = await monitoring.FindInstancesOfFlowAsync(request.DefinitionId, request.Filter ?? InstanceFilter.All,
            Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        return RequestResult<IReadOnlyList<InstanceLine>>.Ok([.. instances.Select(i => new InstanceLine(i.Id, i.DefinitionVersion, i.Status,
            i.ParentInstanceId is not null, i.CreatedAt, i.UpdatedAt, i.FinishedAt))]);
    }

    public async ValueTask<RequestResult<InstanceStamp>> Handle(GetInstanceStamp request, CancellationToken ct) =>
        await engine.FindInstanceAsync(request.Id, ct) is { } instance
            ? RequestResult<InstanceStamp>.Ok(new InstanceStamp(instance.Id, instance.Version, instance.Status))
            : RequestResult<InstanceStamp>.NotFound($"Instantie {request.Id} bestaat niet.");
}
