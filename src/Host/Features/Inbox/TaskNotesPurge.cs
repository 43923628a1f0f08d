using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Inbox;

/// <summary>
/// The follow-up dates and priorities of a casus's tasks, deleted in the transaction that purges the casus: they hold no content,
/// but they belong to tasks that are gone after it, and who planned what on a casus is not kept past its retention.
/// </summary>
public sealed class TaskNotesPurge(IReadOnlyCollection<Guid> taskIds) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        if (taskIds.Count == 0) return;
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        await db.TaskNotes.Where(n => taskIds.Contains(n.TaskId)).ExecuteDeleteAsync(ct);
    }
}
