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
