using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Definitions;

using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Workflows.EntityFramework;

public sealed class EfWorkflowDefinitionStore(IDbContextFactory<WorkflowDbContext> contexts) : IWorkflowDefinitionStore
{
    public async Task<WorkflowDefinitionRecord?> FindAsync(string definitionId, int version, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(x => x.DefinitionId == definitionId && x.Version == version, ct);
    }

    public async Task<WorkflowDefinitionRecord?> FindLiveAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().FirstOrDefaultAsync(x => x.DefinitionId == definitionId && x.IsLive, ct);
    }

    public async Task<WorkflowDefinitionRecord?> FindLatestAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(x => x.DefinitionId == definitionId)
            .OrderByDescending(x => x.Version).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListVersionsAsync(string definitionId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking().Where(x => x.DefinitionId == definitionId).OrderBy(x => x.Version).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<WorkflowDefinitionRecord>> ListLatestAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Definitions.AsNoTracking()
            .Where(x => x.Version == db.Definitions.Where(y => y.DefinitionId == x.DefinitionId).Max(y => y.Version))
            .OrderBy(x => x.Name).ToListAsync(ct);
    }

    public async Task SaveAsync(IReadOnlyList<WorkflowDefinitionRecord> added, IReadOnlyList<WorkflowDefinitionRecord> updated, IUnitOfWorkPart? alongside = null,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.Definitions.AddRange(added);
        db.Definitions.UpdateRange(updated);
        try
        {
            // One transaction for the flow's rows and the caller's part.
            await db.SaveWithAsync(alongside is null ? null : (transaction, token) => alongside.WriteAsync(transaction, null, token), ct);
        }
        catch (DbUpdateException ex)
        {
            throw new Runtime.ConcurrencyConflictException("Another coordinator saved this flow at the same moment; reload and try again.", ex);
        }
    }
}
