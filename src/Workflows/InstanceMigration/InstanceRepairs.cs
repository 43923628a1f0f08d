using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.InstanceMigration;

public enum RepairKind
{
    /// <summary>A waiting step lapses: its task is cancelled, its timer or signal no longer awaited.</summary>
    CancelStep,
    /// <summary>A waiting step moves to another activity of the same version (same type), as a migration moves it.</summary>
    MoveStep,
    /// <summary>An activity runs now, as if a path had reached it (a step that was skipped by mistake).</summary>
    StartActivity,
}

/// <summary>What an operator asks to change in one running instance; <paramref name="TargetActivityId"/> only for a move.</summary>
public sealed record RepairRequest(RepairKind Kind, string ActivityId, string? TargetActivityId = null, DueMoment Due = DueMoment.Keep);

/// <summary>
/// What the repair does or did: for a cancel or move, the step's impact as a migration preview shows it; for a start, what
/// the activity's run creates (tasks, timers, the instance's end). <see cref="Refused"/> says why it cannot be done.
/// </summary>
public sealed record RepairResult(string? Refused, IReadOnlyList<StepImpact> Steps, IReadOnlyList<string> Effects, bool Applied = false)
{
    public static RepairResult No(string why) => new(why, [], []);
}

/// <summary>
/// Instance repair for operators: cancel a waiting step, move it to another activity, or start an activity, each first as a
/// preview (computed without writing) and then applied in one transaction with a journal line naming the reason.
/// </summary>
public sealed class InstanceRepairs(MigrationPlanner planner, IInstanceMigrationStore store, WorkflowRuntime runtime, InstanceMigrator migrator)
{
    public Task<RepairResult> PreviewAsync(Guid instanceId, RepairRequest request, CancellationToken ct = default) =>
        RunAsync(instanceId, request, reason: null, alongside: null, apply: false, ct);

    public Task<RepairResult> ApplyAsync(Guid instanceId, RepairRequest request, string reason, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default) => RunAsync(instanceId, request, reason, alongside, apply: true, ct);

    private async Task<RepairResult> RunAsync(Guid instanceId, RepairRequest request, string? reason, IUnitOfWorkPart? alongside, bool apply,
        CancellationToken ct)
    {
        var subject = (await store.LoadAsync([instanceId], ct)).FirstOrDefault();
        if (subject is null) return RepairResult.No($"Instantie {instanceId} bestaat niet.");
        var instance = subject.Instance;
        if (instance.Status != WorkflowStatus.Suspended)
            return RepairResult.No(instance.Status == WorkflowStatus.Faulted
                ? "De instantie staat in storing: probeer het incident opnieuw of stop de instantie."
                : $"De instantie is {instance.Status}; alleen een wachtende instantie kan worden hersteld.");
        if (request.Kind == RepairKind.StartActivity)
            return await runtime.Moves.StartActivityAsync(instance.Id, request.ActivityId, $"Hersteld: '{request.ActivityId}' gestart", reason, alongside, apply, ct);
        if (subject.Bookmarks.All(b => b.ActivityId != request.ActivityId))
            return RepairResult.No($"De instantie wacht niet bij '{request.ActivityId}'.");
        var target = request.Kind == RepairKind.CancelStep ? null : request.TargetActivityId;
        if (request.Kind == RepairKind.MoveStep && string.IsNullOrWhiteSpace(target)) return RepairResult.No("Kies de activiteit waar de stap heen gaat.");
        ResolvedMigration plan;
        try
        {
            plan = await planner.ResolveRepairAsync(instance.DefinitionId, instance.DefinitionVersion, new ActivityMapping(request.ActivityId, target, request.Due), ct);
        }
        catch (MigrationPlanException invalid)
        {
            return RepairResult.No(invalid.Message);
        }
        if (!apply)
        {
            var impact = (await migrator.PreviewAsync(plan, [instanceId], ct)).Single();
            return new RepairResult(impact.Blocked, [.. impact.Steps.Where(s => s.FromActivity == request.ActivityId)], []);
        }
        var message = target is null ? $"Hersteld: stap '{request.ActivityId}' vervallen" : $"Hersteld: stap '{request.ActivityId}' verplaatst naar '{target}'";
        try
        {
            var moved = await runtime.Moves.MoveAsync(plan, subject, reason, alongside, ct, message, JournalEvent.Repaired);
            return new RepairResult(moved.Blocked, [.. moved.Steps.Where(s => s.FromActivity == request.ActivityId)], [], Applied: moved.CanMove);
        }
        catch (ConcurrencyConflictException)
        {
            return RepairResult.No("De instantie veranderde op hetzelfde moment; bekijk de preview opnieuw.");
        }
    }
}
