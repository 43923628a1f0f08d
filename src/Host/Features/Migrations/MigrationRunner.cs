using System.Collections.Concurrent;
using System.Text.Json;
using Hangfire;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Migrating;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>
/// Works a migration run off in the background (a Hangfire job): its pending instances in id order, each moved in its own
/// transaction with its item mark and audit line. It looks at the run's status between instances, so a pause or cancel
/// stops it within one instance; a recurring job picks up runs still marked running (after a crash or restart), and the
/// item marks make sure nothing moves twice.
/// </summary>
public sealed class MigrationRunner(MigrationRuns runs, InstanceMigrator migrator, Auditor audit, TimeProvider clock,
    ILogger<MigrationRunner> logger)
{
    public const string ResumeJobId = "migration-runs";
    private const int Batch = 50;
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _working = new();

    /// <summary>How a plan is stored with its run and read from a plan file: web names, enums by name.</summary>
    public static readonly JsonSerializerOptions PlanJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Asks Hangfire to start the run now; the recurring pick-up starts it otherwise.</summary>
    public static void Enqueue(IBackgroundJobClient jobs, Guid runId) => jobs.Enqueue<MigrationRunner>(r => r.RunAsync(runId, CancellationToken.None));

    /// <summary>Every run still marked running: what the recurring job calls.</summary>
    public async Task ResumeRunningAsync(CancellationToken ct)
    {
        foreach (var runId in await runs.RunningAsync(ct)) await RunAsync(runId, ct);
    }

    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        // One worker per run on this node; another node's worker is held off by the item marks.
        var gate = _working.GetOrAdd(runId, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return;
        try
        {
            await WorkAsync(runId, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WorkAsync(Guid runId, CancellationToken ct)
    {
        var run = await runs.FindAsync(runId, ct);
        if (run is not { Status: MigrationRunStatus.Running }) return;
        // The run's own plan, then the plans of the flows that move along: an item's PlanIndex picks one.
        var plans = new List<MigrationPlan> { JsonSerializer.Deserialize<MigrationPlan>(run.PlanJson, PlanJson)! };
        if (run.ChildPlansJson is { } children) plans.AddRange(JsonSerializer.Deserialize<List<MigrationPlan>>(children, PlanJson)!);
        var resolved = new List<ResolvedMigration>();
        try
        {
            foreach (var plan in plans) resolved.Add(await migrator.ResolveAsync(plan, ct));
        }
        catch (MigrationPlanException invalid)
        {
            logger.LogError("Migration run {RunId} stopped: its plan no longer checks ({Problems})", runId, invalid.Message);
            await runs.ChangeStatusAsync(runId, [MigrationRunStatus.Running], MigrationRunStatus.Cancelled, null, ct);
            return;
        }
        var by = new CurrentUser(run.StartedBy, [], [], null);
        while (true)
        {
            var pending = await runs.PendingAsync(runId, Batch, ct);
            if (pending.Count == 0)
            {
                await runs.ChangeStatusAsync(runId, [MigrationRunStatus.Running], MigrationRunStatus.Finished, null, ct);
                logger.LogInformation("Migration run {RunId} finished", runId);
                return;
            }
            foreach (var item in pending)
            {
                if ((await runs.FindAsync(runId, ct))?.Status != MigrationRunStatus.Running) return;
                var plan = resolved[item.PlanIndex];
                var line = audit.Line(by, "instance.migrate", AuditAction.Update, Auditor.PurposeManagement,
                        detail: item.PlanIndex == 0 ? $"{item.InstanceId} naar v{run.TargetVersion}" : $"{item.InstanceId} naar {plan.Plan.DefinitionId} v{plan.Target.Version}")
                    .CompletedBy((record, changes) => record with { CasusCode = AuditLine.CasusOf(changes, item.InstanceId) });
                MigrationResult result;
                try
                {
                    result = await migrator.MigrateAsync(plan, item.InstanceId, item.PreviewedVersion, run.Reason,
                        UnitOfWorkParts.Of(new MovedItemMark(runId, item.InstanceId, clock.GetUtcNow()), line), ct);
                }
                catch (Exception error) when (error is not (OperationCanceledException or AuditUnavailableException))
                {
                    // One instance that fails in a way nobody foresaw must not stop the run (or retry it forever): it stays on its
                    // version, reported by the kind of error only (a message may quote the instance's data); the log has the rest.
                    // An audit log that cannot be written stops the run instead (nothing moves unaudited); Hangfire tries again.
                    logger.LogError(error, "Migration run {RunId}: instance {InstanceId} could not be moved", runId, item.InstanceId);
                    result = new MigrationResult(MigrationOutcome.Blocked, null, $"Onverwachte fout ({error.GetType().Name}); zie het log van de server.");
                }
                if (result.Outcome != MigrationOutcome.Moved)
                    await runs.MarkAsync(runId, item.InstanceId, Outcome(result.Outcome), result.Message, ct);
            }
        }
    }

    private static MigrationItemOutcome Outcome(MigrationOutcome outcome) => outcome switch
    {
        MigrationOutcome.Moved => MigrationItemOutcome.Moved,
        MigrationOutcome.Stale => MigrationItemOutcome.Stale,
        MigrationOutcome.Blocked => MigrationItemOutcome.Blocked,
        _ => MigrationItemOutcome.NotFound,
    };
}
