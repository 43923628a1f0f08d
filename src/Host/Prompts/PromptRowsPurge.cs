using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The e-mail prompts of a casus (outbox rows, sent or waiting, and the tasks' marks), deleted in the transaction
/// that purges the casus: a prompt names the casus code and links to its task or page, so it goes with them.
/// </summary>
/// <param name="taskIds">The casus's tasks.</param>
/// <param name="instanceIds">The casus's flow instances (a maatregel's registration message is keyed by its instance).</param>
public sealed class PromptRowsPurge(IReadOnlyCollection<Guid> taskIds, IReadOnlyCollection<Guid>? instanceIds = null) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        if (taskIds.Count == 0 && instanceIds is not { Count: > 0 }) return;
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        foreach (var id in taskIds.Concat(instanceIds ?? []))
        {
            // A dedup key is "<kind>:<task or instance id>:<user>" (PromptKind.DedupKey, MaatregelUpdatesAlongside).
            var part = $":{id}:";
            await db.Outbox.Where(m => m.DedupKey.Contains(part)).ExecuteDeleteAsync(ct);
        }
        await db.PromptMarks.Where(m => taskIds.Contains(m.TaskId)).ExecuteDeleteAsync(ct);
    }
}
