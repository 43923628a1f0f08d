using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Runtime;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

public sealed partial class EfWorkflowStore
{
    public async Task<IReadOnlyDictionary<string, int>> CountActiveInstancesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking()
            .Where(x => x.Status == WorkflowStatus.Running || x.Status == WorkflowStatus.Suspended)
            .GroupBy(x => x.DefinitionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesOfFlowAsync(string definitionId, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Instances.AsNoTracking().Where(x => x.DefinitionId == definitionId)
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Incident>> FindOpenIncidentsAsync(int skip, int take, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(x => x.ResolvedAt == null)
            .OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Skip(skip).Take(take).ToListAsync(ct);
    }
}
