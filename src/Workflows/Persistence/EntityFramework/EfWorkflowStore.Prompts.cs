using Microsoft.EntityFrameworkCore;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.EntityFramework;

public sealed partial class EfWorkflowStore
{
    public async Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset since, Guid afterId, int max, CancellationToken ct = default)
    {
        // Task ids are version 7 GUIDs made from the creation time, so "created since" is a range of the
        // primary key: no index on CreatedAt is needed, and a sweep every minute reads only the newest rows.
        var floor = TimeOrderedFloor(since);
        var start = afterId.CompareTo(floor) > 0 ? afterId : floor;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Tasks.AsNoTracking()
            .Where(x => x.Id.CompareTo(start) > 0 && x.CreatedAt >= since
                && (x.Status == UserTaskStatus.Open || x.Status == UserTaskStatus.OnHold))
            .OrderBy(x => x.Id).Take(max).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The (Status, DueAt) index serves both the filter and the order.
        return await db.Tasks.AsNoTracking()
            .Where(x => x.Status == UserTaskStatus.Open && x.DueAt <= until
                && (x.DueAt > after || (x.DueAt == after && x.Id.CompareTo(afterId) > 0)))
            .OrderBy(x => x.DueAt).ThenBy(x => x.Id).Take(max).ToListAsync(ct);
    }

    /// <summary>
    /// The smallest version 7 GUID of the millisecond before <paramref name="moment"/>: every id made at or
    /// after the moment sorts above it, in .NET and in the database's text order alike.
    /// </summary>
    private static Guid TimeOrderedFloor(DateTimeOffset moment)
    {
        var ms = Math.Max(0, moment.ToUnixTimeMilliseconds() - 1);
        return new Guid((uint)(ms >> 16), (ushort)(ms & 0xFFFF), 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
