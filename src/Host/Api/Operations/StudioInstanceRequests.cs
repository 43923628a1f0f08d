using Mediator;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Api.Operations;

/// <summary>One instance in the studio's list of a flow: where it stands, never which casus it serves (the list needs no casus code).</summary>
public sealed record InstanceLine(Guid Id, int Version, string Status, bool IsSubflow, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt);

/// <summary>What changes whenever an instance moves: its concurrency version (raised on every committed step) and status.</summary>
public sealed record InstanceStamp(Guid Id, int Version, string Status);

public sealed record ListFlowInstances(string DefinitionId, int Skip, int Take) : IRequest<Outcome<IReadOnlyList<InstanceLine>>>;

/// <summary>
/// The cheap question the instance viewer asks every few seconds: has anything happened? Only when the stamp
/// changed does it read the whole instance again (through <see cref="GetInstance"/>, which is audited).
/// </summary>
public sealed record GetInstanceStamp(Guid Id) : IRequest<Outcome<InstanceStamp>>;

public sealed class StudioInstanceHandlers(IWorkflowStore engine, IWorkflowMonitoring monitoring) :
    IRequestHandler<ListFlowInstances, Outcome<IReadOnlyList<InstanceLine>>>,
    IRequestHandler<GetInstanceStamp, Outcome<InstanceStamp>>
{
    private const int MaxPage = 200;

    public async ValueTask<Outcome<IReadOnlyList<InstanceLine>>> Handle(ListFlowInstances request, CancellationToken ct)
    {
        var instances = await monitoring.FindInstancesOfFlowAsync(request.DefinitionId, Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), ct);
        return Outcome<IReadOnlyList<InstanceLine>>.Ok([.. instances.Select(i => new InstanceLine(i.Id, i.DefinitionVersion, i.Status.ToString(),
            i.ParentInstanceId is not null, i.CreatedAt, i.UpdatedAt, i.FinishedAt))]);
    }

    public async ValueTask<Outcome<InstanceStamp>> Handle(GetInstanceStamp request, CancellationToken ct) =>
        await engine.FindInstanceAsync(request.Id, ct) is { } instance
            ? Outcome<InstanceStamp>.Ok(new InstanceStamp(instance.Id, instance.Version, instance.Status.ToString()))
            : Outcome<InstanceStamp>.NotFound($"Instantie {request.Id} bestaat niet.");
}
