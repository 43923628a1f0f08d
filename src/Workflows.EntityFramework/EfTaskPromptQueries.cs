using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Prompts;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>The prompt jobs' task queries on the engine's database: untracked reads, keyset-paged on the task indexes.</summary>
public sealed class EfTaskPromptQueries(IDbContextFactory<WorkflowDbContext> contexts) : ITaskPromptQueries
{
    public async Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The (Status, CreatedAt) index: a sweep every minute reads only the newest rows. The plain range
        // beside the keyset condition is what lets SQLite seek instead of scanning every open task.
        return await db.Tasks.AsNoTracking()
            .Where(x => (x.Status == UserTaskStatus.Open || x.Status == UserTaskStatus.OnHold) && x.CreatedAt >= after
                && (x.CreatedAt > after || x.Id.CompareTo(afterId) > 0))
            .OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The (Status, DueAt) index serves the filter (a seek on the plain range) and the order.
        return await db.Tasks.AsNoTracking()
            .Where(x => x.Status == UserTaskStatus.Open && x.DueAt >= after && x.DueAt <= until
                && (x.DueAt > after || x.Id.CompareTo(afterId) > 0))
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
    }
}
