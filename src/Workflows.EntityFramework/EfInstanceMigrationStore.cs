using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>The migration's reads on EF Core: a page of instances, then their bookmarks and open tasks in one query each.</summary>
public sealed class EfInstanceMigrationStore(IDbContextFactory<WorkflowDbContext> contexts) : IInstanceMigrationStore
{
    private static readonly WorkflowStatus[] NotEnded = [WorkflowStatus.Running, WorkflowStatus.Suspended, WorkflowStatus.Faulted];

    public async Task<IReadOnlyList<MigrationSubject>> LoadActiveAsync(string definitionId, IReadOnlyCollection<int> versions, Guid after, int take,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instances = await db.Instances.AsNoTracking()
            .Where(x => x.DefinitionId == definitionId && versions.Contains(x.DefinitionVersion) && NotEnded.Contains(x.Status) && x.Id.CompareTo(after) > 0)
            .OrderBy(x => x.Id).Take(take).ToListAsync(ct);
        return await WithWaitsAsync(db, instances, ct);
    }

    public async Task<IReadOnlyList<MigrationSubject>> LoadAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instances = await db.Instances.AsNoTracking().Where(x => instanceIds.Contains(x.Id)).OrderBy(x => x.Id).ToListAsync(ct);
        return await WithWaitsAsync(db, instances, ct);
    }

    public async Task<IReadOnlyList<MigrationSubject>> LoadRelatedAsync(string definitionId, IReadOnlyCollection<int> versions,
        IReadOnlyCollection<Guid> parentIds, IReadOnlyCollection<string> correlationIds, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var instances = await db.Instances.AsNoTracking()
            .Where(x => x.DefinitionId == definitionId && versions.Contains(x.DefinitionVersion) && NotEnded.Contains(x.Status)
                && ((x.ParentInstanceId != null && parentIds.Contains(x.ParentInstanceId.Value))
                    || (x.CorrelationId != null && correlationIds.Contains(x.CorrelationId))))
            .OrderBy(x => x.Id).ToListAsync(ct);
        return await WithWaitsAsync(db, instances, ct);
    }

    public async Task<IReadOnlyDictionary<int, int>> CountActiveByVersionAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(x => x.DefinitionId == definitionId && NotEnded.Contains(x.Status))
            .GroupBy(x => x.DefinitionVersion).Select(g => new { Version = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Version, x => x.Count, ct);
    }

    private static async Task<IReadOnlyList<MigrationSubject>> WithWaitsAsync(WorkflowDbContext db, List<WorkflowInstance> instances, CancellationToken ct)
    {
        if (instances.Count == 0) return [];
        var ids = instances.Select(i => i.Id).ToList();
        var bookmarks = (await db.Bookmarks.AsNoTracking().Where(b => ids.Contains(b.InstanceId)).ToListAsync(ct)).ToLookup(b => b.InstanceId);
        var tasks = (await db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId) && (t.Status == UserTaskStatus.Open || t.Status == UserTaskStatus.OnHold))
            .ToListAsync(ct)).ToLookup(t => t.InstanceId);
        return [.. instances.Select(i => new MigrationSubject(i, [.. bookmarks[i.Id]], [.. tasks[i.Id]]))];
    }
}
