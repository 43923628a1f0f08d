using System.Data.Common;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Migrating;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Migrations;

/// <summary>The runs' rows in the host's tables: started with their items and the audit line, read for progress, marked as they go.</summary>
public sealed class MigrationRuns(IDbContextFactory<HostDbContext> contexts, TimeProvider clock)
{
    public async Task CreateAsync(MigrationRun run, IReadOnlyList<MigrationRunItem> items, IUnitOfWorkPart audit, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.MigrationRuns.Add(run);
        db.MigrationRunItems.AddRange(items);
        await db.SaveWithAsync((transaction, token) => audit.WriteAsync(transaction, null, token), ct);
    }

    public async Task<MigrationRun?> FindAsync(Guid runId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MigrationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
    }

    public async Task<IReadOnlyList<MigrationRun>> ListAsync(string definitionId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MigrationRuns.AsNoTracking().Where(r => r.DefinitionId == definitionId).OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Guid>> RunningAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MigrationRuns.AsNoTracking().Where(r => r.Status == MigrationRunStatus.Running).Select(r => r.Id).ToListAsync(ct);
    }

    public async Task<MigrationRunView?> ViewAsync(Guid runId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var run = await db.MigrationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var counts = await db.MigrationRunItems.AsNoTracking().Where(i => i.RunId == runId).GroupBy(i => i.Outcome)
            .Select(g => new { Outcome = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Outcome, g => g.Count, ct);
        var notMoved = await db.MigrationRunItems.AsNoTracking()
            .Where(i => i.RunId == runId && i.Outcome != MigrationItemOutcome.Pending && i.Outcome != MigrationItemOutcome.Moved)
            .OrderBy(i => i.InstanceId).Take(500).Select(i => new RunItemView(i.InstanceId, i.Outcome, i.Message)).ToListAsync(ct);
        int Count(MigrationItemOutcome outcome) => counts.GetValueOrDefault(outcome);
        return new MigrationRunView(run.Id, run.DefinitionId, run.TargetVersion, run.Status, run.Reason, run.StartedBy, run.StartedAt, run.EndedAt,
            counts.Values.Sum(), Count(MigrationItemOutcome.Pending), Count(MigrationItemOutcome.Moved), Count(MigrationItemOutcome.Stale),
            Count(MigrationItemOutcome.Blocked), Count(MigrationItemOutcome.NotFound), notMoved)
        {
            Children = run.ChildPlansJson is { } children
                ? [.. JsonSerializer.Deserialize<List<MigrationPlan>>(children, MigrationRunner.PlanJson)!.Select(p => new ChildRunView(p.DefinitionId, p.TargetVersion))]
                : [],
        };
    }

    /// <summary>The next instances of the run still to move, in id order.</summary>
    public async Task<IReadOnlyList<MigrationRunItem>> PendingAsync(Guid runId, int take, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MigrationRunItems.AsNoTracking().Where(i => i.RunId == runId && i.Outcome == MigrationItemOutcome.Pending)
            .OrderBy(i => i.InstanceId).Take(take).ToListAsync(ct);
    }

    /// <summary>Marks an item that did not move, unless something already marked it (another worker moved it meanwhile).</summary>
    public async Task MarkAsync(Guid runId, Guid instanceId, MigrationItemOutcome outcome, string? message, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var text = message is { Length: > 500 } ? message[..500] : message;
        await db.MigrationRunItems.Where(i => i.RunId == runId && i.InstanceId == instanceId && i.Outcome == MigrationItemOutcome.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Outcome, outcome).SetProperty(i => i.Message, text).SetProperty(i => i.DoneAt, now), ct);
    }

    /// <summary>Pause, resume, cancel or finish, only from a status that allows it; false when the run was not in one of <paramref name="from"/>.</summary>
    public async Task<bool> ChangeStatusAsync(Guid runId, IReadOnlyCollection<MigrationRunStatus> from, MigrationRunStatus to, IUnitOfWorkPart? audit,
        CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var run = await db.MigrationRuns.FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null || !from.Contains(run.Status)) return false;
        run.Status = to;
        run.Version++;
        run.EndedAt = to is MigrationRunStatus.Cancelled or MigrationRunStatus.Finished ? clock.GetUtcNow() : null;
        try
        {
            await db.SaveWithAsync(audit is null ? null : (transaction, token) => audit.WriteAsync(transaction, null, token), ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}

/// <summary>
/// Marks a run's item as moved in the transaction of the move itself: the instance is moved and marked, or neither. Found
/// already marked (another worker got there first), it rolls the move back.
/// </summary>
public sealed class MovedItemMark(Guid runId, Guid instanceId, DateTimeOffset at) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        var marked = await db.MigrationRunItems
            .Where(i => i.RunId == runId && i.InstanceId == instanceId && i.Outcome == MigrationItemOutcome.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Outcome, MigrationItemOutcome.Moved).SetProperty(i => i.DoneAt, at), ct);
        if (marked != 1) throw new ConcurrencyConflictException($"Instance {instanceId} of migration run {runId} was already handled.");
    }
}
