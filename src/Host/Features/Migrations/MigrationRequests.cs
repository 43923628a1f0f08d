using System.Text.Json;
using Hangfire;
using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.HostStore.Migrating;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Migrations;

public sealed record GetMigrationSources(string DefinitionId) : IRequest<RequestResult<MigrationSourcesView>>;
public sealed record CheckMigrationPlan(string DefinitionId, MigrationInput Input) : IRequest<RequestResult<MigrationCheckView>>;
public sealed record PreviewMigration(string DefinitionId, MigrationInput Input, CurrentUser User) : IRequest<RequestResult<MigrationPreviewView>>;
public sealed record StartMigrationRun(string DefinitionId, MigrationInput Input, CurrentUser User) : IRequest<RequestResult<MigrationRunView>>;
public sealed record GetMigrationRun(Guid RunId) : IRequest<RequestResult<MigrationRunView>>;
public sealed record ListMigrationRuns(string DefinitionId) : IRequest<RequestResult<IReadOnlyList<MigrationRunView>>>;
public sealed record ChangeMigrationRun(Guid RunId, MigrationRunStatus To, CurrentUser User) : IRequest<RequestResult<MigrationRunView>>;

/// <summary>
/// Moving running trajecten to a new flow version, for coordinators: which versions still run, the plan checked, the preview
/// (computed by the engine, nothing written), and runs started, watched, paused, resumed and cancelled.
/// </summary>
public sealed class MigrationHandlers(InstanceMigrator migrator, IInstanceMigrationStore instances, IWorkflowDefinitionStore definitions,
    MigrationRuns runs, IBackgroundJobClient jobs, Auditor audit, TimeProvider clock) :
    IRequestHandler<GetMigrationSources, RequestResult<MigrationSourcesView>>,
    IRequestHandler<CheckMigrationPlan, RequestResult<MigrationCheckView>>,
    IRequestHandler<PreviewMigration, RequestResult<MigrationPreviewView>>,
    IRequestHandler<StartMigrationRun, RequestResult<MigrationRunView>>,
    IRequestHandler<GetMigrationRun, RequestResult<MigrationRunView>>,
    IRequestHandler<ListMigrationRuns, RequestResult<IReadOnlyList<MigrationRunView>>>,
    IRequestHandler<ChangeMigrationRun, RequestResult<MigrationRunView>>
{
    /// <summary>A preview or run over more trajecten than this is refused: split it by version.</summary>
    public const int MaxInstances = 50_000;
    private const int Page = 500;

    public async ValueTask<RequestResult<MigrationSourcesView>> Handle(GetMigrationSources request, CancellationToken ct)
    {
        var versions = await definitions.ListVersionsAsync(request.DefinitionId, ct);
        if (versions.Count == 0) return RequestResult<MigrationSourcesView>.NotFound($"Flow '{request.DefinitionId}' bestaat niet.");
        var running = await instances.CountActiveByVersionAsync(request.DefinitionId, ct);
        return RequestResult<MigrationSourcesView>.Ok(new(request.DefinitionId, versions.FirstOrDefault(v => v.IsLive)?.Version,
            [.. versions.Where(v => v.IsPublished).OrderByDescending(v => v.Version).Select(v => new VersionCount(v.Version, v.IsLive, running.GetValueOrDefault(v.Version)))]));
    }

    public async ValueTask<RequestResult<MigrationCheckView>> Handle(CheckMigrationPlan request, CancellationToken ct)
    {
        var (plans, invalid) = await ResolveAsync(request.DefinitionId, request.Input, ct);
        return plans is null ? invalid!.As<MigrationCheckView>() : RequestResult<MigrationCheckView>.Ok(new(plans[0].Mappings)
        {
            Children = plans.Skip(1).ToDictionary(p => p.Plan.DefinitionId, p => p.Mappings, StringComparer.Ordinal),
        });
    }

    public async ValueTask<RequestResult<MigrationPreviewView>> Handle(PreviewMigration request, CancellationToken ct)
    {
        var (plans, invalid) = await ResolveAsync(request.DefinitionId, request.Input, ct);
        if (plans is null) return invalid!.As<MigrationPreviewView>();
        var impacts = await ImpactsAsync(plans, request.Input.Instances, ct);
        if (impacts is null) return RequestResult<MigrationPreviewView>.Invalid("instances", $"Meer dan {MaxInstances} trajecten; verplaats ze per versie.");
        // Casus codes only for whoever may see every casus (the RVT chair); a coordinator sees instance ids.
        var showCodes = request.User.IsIn(Roles.RvtChair);
        if (showCodes)
            await audit.ListAsync(request.User, "migration.preview", Auditor.PurposeManagement, impacts.Select(i => i.Impact.CorrelationId), impacts.Count, ct: ct);
        // The landing counts are the plan's own flow's: they are drawn on its target canvas.
        var landing = impacts.Where(i => i.PlanIndex == 0 && i.Impact.CanMove).SelectMany(i => i.Impact.Steps).GroupBy(s => s.ToActivity)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return RequestResult<MigrationPreviewView>.Ok(new(impacts.Count, impacts.Count(i => i.Impact.CanMove), impacts.Count(i => !i.Impact.CanMove), landing,
            [.. impacts.Select(Row)]));

        PreviewRow Row(PlannedImpact planned)
        {
            var i = planned.Impact;
            return new(i.InstanceId, showCodes ? i.CorrelationId : null, i.FromVersion, i.ToVersion, i.Blocked, i.Steps, i.Variables,
                plans[planned.PlanIndex].Plan.DefinitionId);
        }
    }

    public async ValueTask<RequestResult<MigrationRunView>> Handle(StartMigrationRun request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Input.Reason))
            return RequestResult<MigrationRunView>.Invalid("reason", "Geef de reden van het verplaatsen; die komt in het journaal van elk traject.");
        if (request.Input.Reason.Length > 500) return RequestResult<MigrationRunView>.Invalid("reason", "De reden is langer dan 500 tekens.");
        var (plans, invalid) = await ResolveAsync(request.DefinitionId, request.Input, ct);
        if (plans is null) return invalid!.As<MigrationRunView>();
        var plan = plans[0];
        var impacts = await ImpactsAsync(plans, request.Input.Instances, ct);
        if (impacts is null) return RequestResult<MigrationRunView>.Invalid("instances", $"Meer dan {MaxInstances} trajecten; verplaats ze per versie.");
        if (impacts.Count == 0) return RequestResult<MigrationRunView>.Invalid("sourceVersions", "Op de gekozen versies loopt geen traject.");
        var now = clock.GetUtcNow();
        var run = new MigrationRun
        {
            Id = Guid.CreateVersion7(now), DefinitionId = request.DefinitionId, TargetVersion = plan.Target.Version,
            PlanJson = JsonSerializer.Serialize(plan.Plan, MigrationRunner.PlanJson), Reason = request.Input.Reason.Trim(),
            ChildPlansJson = plans.Count > 1 ? JsonSerializer.Serialize(plans.Skip(1).Select(p => p.Plan).ToList(), MigrationRunner.PlanJson) : null,
            Status = MigrationRunStatus.Running, StartedBy = request.User.UserName, StartedAt = now,
        };
        // Trajecten the preview already refuses are recorded as such, so the run's report lists every selected one.
        var items = impacts.Select(planned => Item(planned.PlanIndex, planned.Impact)).ToList();
        var along = string.Concat(plans.Skip(1).Select(c => $", met {c.Plan.DefinitionId} naar v{c.Target.Version}"));
        await runs.CreateAsync(run, items, audit.Line(request.User, "migration.start", AuditAction.Create, Auditor.PurposeManagement,
            detail: $"{request.DefinitionId} v{string.Join(",", plan.Plan.SourceVersions)} naar v{plan.Target.Version}{along}: {items.Count} trajecten"), ct);
        MigrationRunner.Enqueue(jobs, run.Id);
        return RequestResult<MigrationRunView>.Created((await runs.ViewAsync(run.Id, ct))!);

        MigrationRunItem Item(int planIndex, InstanceImpact i) => new()
        {
            RunId = run.Id, InstanceId = i.InstanceId, PreviewedVersion = i.InstanceVersion, PlanIndex = planIndex,
            Outcome = i.CanMove ? MigrationItemOutcome.Pending : MigrationItemOutcome.Blocked,
            Message = i.Blocked is { Length: > 500 } long_ ? long_[..500] : i.Blocked, DoneAt = i.CanMove ? null : now,
        };
    }

    public async ValueTask<RequestResult<MigrationRunView>> Handle(GetMigrationRun request, CancellationToken ct) =>
        await runs.ViewAsync(request.RunId, ct) is { } view ? RequestResult<MigrationRunView>.Ok(view) : NoRun(request.RunId);

    public async ValueTask<RequestResult<IReadOnlyList<MigrationRunView>>> Handle(ListMigrationRuns request, CancellationToken ct)
    {
        if ((await definitions.ListVersionsAsync(request.DefinitionId, ct)).Count == 0)
            return RequestResult<IReadOnlyList<MigrationRunView>>.NotFound($"Flow '{request.DefinitionId}' bestaat niet.");
        var views = new List<MigrationRunView>();
        foreach (var run in await runs.ListAsync(request.DefinitionId, ct))
            if (await runs.ViewAsync(run.Id, ct) is { } view) views.Add(view);
        return RequestResult<IReadOnlyList<MigrationRunView>>.Ok(views);
    }

    public async ValueTask<RequestResult<MigrationRunView>> Handle(ChangeMigrationRun request, CancellationToken ct)
    {
        MigrationRunStatus[] from = request.To switch
        {
            MigrationRunStatus.Paused => [MigrationRunStatus.Running],
            MigrationRunStatus.Running => [MigrationRunStatus.Paused],
            MigrationRunStatus.Cancelled => [MigrationRunStatus.Running, MigrationRunStatus.Paused],
            _ => [],
        };
        var line = audit.Line(request.User, "migration." + request.To.ToString().ToLowerInvariant(), AuditAction.Update, Auditor.PurposeManagement,
            detail: request.RunId.ToString());
        if (from.Length == 0 || !await runs.ChangeStatusAsync(request.RunId, from, request.To, line, ct))
            return await runs.FindAsync(request.RunId, ct) is { } run
                ? RequestResult<MigrationRunView>.Conflict($"De verplaatsing is {Dutch(run.Status)}; dat kan nu niet.")
                : NoRun(request.RunId);
        if (request.To == MigrationRunStatus.Running) MigrationRunner.Enqueue(jobs, request.RunId);
        return RequestResult<MigrationRunView>.Ok((await runs.ViewAsync(request.RunId, ct))!);
    }

    /// <summary>The plan's own flow first, then each flow that moves along; problems of a child plan are named "children[i]. …".</summary>
    private async Task<(IReadOnlyList<ResolvedMigration>? Plans, RequestResult<MigrationCheckView>? Invalid)> ResolveAsync(string definitionId,
        MigrationInput input, CancellationToken ct)
    {
        if ((await definitions.ListVersionsAsync(definitionId, ct)).Count == 0)
            return (null, RequestResult<MigrationCheckView>.NotFound($"Flow '{definitionId}' bestaat niet."));
        var errors = new Dictionary<string, string>();
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var earlier) ? earlier + " " + message : message;
        var plans = new List<ResolvedMigration>();
        var children = input.Children ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal) { definitionId };
        for (var i = -1; i < children.Count; i++)
        {
            var prefix = i < 0 ? "" : $"children[{i}].";
            if (i >= 0 && !seen.Add(children[i].DefinitionId ?? ""))
            {
                Add(prefix + "definitionId", string.IsNullOrWhiteSpace(children[i].DefinitionId)
                    ? "Kies de flow die mee moet." : $"Flow '{children[i].DefinitionId}' staat al in het plan.");
                continue;
            }
            try
            {
                plans.Add(await migrator.ResolveAsync(i < 0 ? input.ToPlan(definitionId) : children[i].ToPlan(), ct));
            }
            catch (MigrationPlanException invalid)
            {
                foreach (var problem in invalid.Problems) Add(prefix + problem.Field, problem.Message);
            }
        }
        return errors.Count == 0 ? (plans, null) : (null, RequestResult<MigrationCheckView>.Invalid(errors, "Het plan kan zo niet worden uitgevoerd."));
    }

    /// <summary>One instance of the preview and the plan it moves by (0: the plan's own flow; n: the n-th flow that moves along).</summary>
    private sealed record PlannedImpact(int PlanIndex, InstanceImpact Impact);

    private async Task<List<PlannedImpact>?> ImpactsAsync(IReadOnlyList<ResolvedMigration> plans, IReadOnlyList<Guid>? selection, CancellationToken ct)
    {
        var own = await OwnImpactsAsync(plans[0], selection, ct);
        if (own is null) return null;
        var all = own.Select(i => new PlannedImpact(0, i)).ToList();
        for (var index = 1; index < plans.Count && all.Count <= MaxInstances; index++)
            all.AddRange((await migrator.PreviewChildrenAsync(plans[index], own, ct)).Select(i => new PlannedImpact(index, i)));
        return all.Count > MaxInstances ? null : all;
    }

    private async Task<List<InstanceImpact>?> OwnImpactsAsync(ResolvedMigration plan, IReadOnlyList<Guid>? selection, CancellationToken ct)
    {
        if (selection is { Count: > 0 })
            return selection.Count > MaxInstances ? null : [.. await migrator.PreviewAsync(plan, [.. selection.Distinct()], ct)];
        var all = new List<InstanceImpact>();
        for (var after = Guid.Empty; ;)
        {
            var page = await migrator.PreviewAsync(plan, after, Page, ct);
            all.AddRange(page);
            if (all.Count > MaxInstances) return null;
            if (page.Count < Page) return all;
            after = page[^1].InstanceId;
        }
    }

    private static RequestResult<MigrationRunView> NoRun(Guid id) => RequestResult<MigrationRunView>.NotFound($"Verplaatsing {id} bestaat niet.");

    private static string Dutch(MigrationRunStatus status) => status switch
    {
        MigrationRunStatus.Running => "bezig",
        MigrationRunStatus.Paused => "gepauzeerd",
        MigrationRunStatus.Cancelled => "geannuleerd",
        _ => "klaar",
    };
}
