using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// Moving running instances to a new flow version: the plan resolved and checked, a preview computed without writing, and
/// the move of one instance at a time, each in its own transaction and only while the instance is still as it was
/// previewed (an instance that moved on since is skipped as stale, never moved on a guess).
/// </summary>
public sealed class InstanceMigrator(MigrationPlanner planner, IInstanceMigrationStore store, WorkflowRuntime runtime,
    IExpressionEvaluator expressions, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public Task<ResolvedMigration> ResolveAsync(MigrationPlan plan, CancellationToken ct = default) => planner.ResolveAsync(plan, ct);

    /// <summary>One page of the preview over every running instance of the source versions, in id order after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<InstanceImpact>> PreviewAsync(ResolvedMigration plan, Guid after, int take, CancellationToken ct = default) =>
        Preview(plan, await store.LoadActiveAsync(plan.Plan.DefinitionId, [.. plan.Sources.Keys], after, take, ct));

    /// <summary>The preview of the instances given (an instance that is not there is left out).</summary>
    public async Task<IReadOnlyList<InstanceImpact>> PreviewAsync(ResolvedMigration plan, IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default) =>
        Preview(plan, await store.LoadAsync(instanceIds, ct));

    /// <summary>
    /// The preview of the instances of <paramref name="plan"/>'s flow that belong to <paramref name="parents"/> (their subflows, and
    /// flows started under their correlation id, such as a traject's maatregel), so that a family of instances moves in one run.
    /// A child whose parent cannot move is refused with it: the family does not end up half on the new versions.
    /// </summary>
    public async Task<IReadOnlyList<InstanceImpact>> PreviewChildrenAsync(ResolvedMigration plan, IReadOnlyCollection<InstanceImpact> parents,
        CancellationToken ct = default)
    {
        var parentIds = parents.Select(p => p.InstanceId).ToHashSet();
        var subjects = new Dictionary<Guid, MigrationSubject>();
        foreach (var chunk in parents.Chunk(ChildQueryChunk))
            foreach (var subject in await store.LoadRelatedAsync(plan.Plan.DefinitionId, [.. plan.Sources.Keys], [.. chunk.Select(p => p.InstanceId)],
                         [.. chunk.Select(p => p.CorrelationId).OfType<string>().Distinct()], ct))
                if (!parentIds.Contains(subject.Instance.Id)) subjects.TryAdd(subject.Instance.Id, subject);
        var stuck = parents.Where(p => !p.CanMove).Select(p => p.InstanceId).ToHashSet();
        // By correlation a child belongs to every parent with its code; it stays only when none of them can move.
        var stuckCodes = parents.GroupBy(p => p.CorrelationId).Where(g => g.Key is not null && g.All(p => !p.CanMove)).Select(g => g.Key!).ToHashSet();
        var ordered = subjects.Values.OrderBy(s => s.Instance.Id).ToList();
        return [.. Preview(plan, ordered).Zip(ordered, (impact, subject) =>
            impact.CanMove && ParentStays(subject.Instance) ? impact with { Blocked = "Het traject waar dit deelproces bij hoort kan niet mee." } : impact)];

        // A direct subflow follows its own parent; anything else (a flow started under the code, a subflow's subflow) the code's.
        bool ParentStays(WorkflowInstance child) => child.ParentInstanceId is { } parent && parentIds.Contains(parent)
            ? stuck.Contains(parent)
            : child.CorrelationId is { } code && stuckCodes.Contains(code);
    }

    /// <summary>Parents per query for their children: well below the parameter limits of SQLite and PostgreSQL.</summary>
    private const int ChildQueryChunk = 500;

    private List<InstanceImpact> Preview(ResolvedMigration plan, IReadOnlyList<MigrationSubject> subjects)
    {
        var now = clock.GetUtcNow();
        return [.. subjects.Select(s => InstanceMove.Plan(plan, expressions, now, s.Instance, s.Bookmarks, s.Tasks.ToDictionary(t => t.Id)).Impact)];
    }

    /// <summary>
    /// Moves one instance. With <paramref name="previewedVersion"/> it moves only an instance still at that version (the one
    /// previewed), otherwise it reports it stale; without, a lost race is retried on fresh state. <paramref name="alongside"/>
    /// commits with the move (the run's progress row, the audit line), so a crash leaves the instance moved and recorded, or neither.
    /// </summary>
    public async Task<MigrationResult> MigrateAsync(ResolvedMigration plan, Guid instanceId, int? previewedVersion, string? reason,
        IUnitOfWorkPart? alongside = null, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var subject = (await store.LoadAsync([instanceId], ct)).FirstOrDefault();
            if (subject is null) return new MigrationResult(MigrationOutcome.NotFound, null, "Het traject bestaat niet (meer).");
            if (previewedVersion is { } seen && subject.Instance.Version != seen)
                return new MigrationResult(MigrationOutcome.Stale, null, "Het traject is veranderd sinds de preview; bekijk de preview opnieuw.");
            try
            {
                var impact = await runtime.Moves.MoveAsync(plan, subject, reason, alongside, ct);
                return impact.CanMove
                    ? new MigrationResult(MigrationOutcome.Moved, impact)
                    : new MigrationResult(MigrationOutcome.Blocked, impact, impact.Blocked);
            }
            catch (ConcurrencyConflictException) when (previewedVersion is null && attempt < MaxAttempts)
            {
                // Someone else moved the instance on meanwhile; plan again on what it is now.
            }
            catch (ConcurrencyConflictException)
            {
                return new MigrationResult(MigrationOutcome.Stale, null, "Het traject veranderde tijdens het verplaatsen; bekijk de preview opnieuw.");
            }
        }
    }
}
