using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The e-mail prompts of a casus's tasks (outbox rows, sent or waiting, and the tasks' marks), deleted in the
/// transaction that purges the casus: a prompt names the casus code and links to its task, so it goes with them.
/// </summary>
public sealed class PromptRowsPurge(IReadOnlyCollection<Guid> taskIds) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        if (taskIds.Count == 0) return;
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        foreach (var task in taskIds)
        {
            // A dedup key is "<kind>:<task id>:<user>" (PromptKind.DedupKey).
            var part = $":{task}:";
            await db.Outbox.Where(m => m.DedupKey.Contains(part)).ExecuteDeleteAsync(ct);
        }
        await db.PromptMarks.Where(m => taskIds.Contains(m.TaskId)).ExecuteDeleteAsync(ct);
    }
}
