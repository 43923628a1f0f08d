using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Forgets that a task's reminder and escalations were written, in the transaction that gives the task a new due moment
/// (bewust vertragen): the scans then judge the task afresh against its new moment, and the new prompts' dedup keys carry that moment.
/// </summary>
public sealed class DuePromptsReset(Guid taskId) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        var kinds = PromptKinds.DueKinds.Select(k => k.Key()).ToList();
        await db.PromptMarks.Where(m => m.TaskId == taskId && kinds.Contains(m.Kind)).ExecuteDeleteAsync(ct);
    }
}
