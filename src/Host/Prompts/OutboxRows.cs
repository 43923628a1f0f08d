using System.Data.Common;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>E-mail rows (and the tasks' prompt marks) written in the transaction of the engine pass that caused them.</summary>
public sealed class OutboxRows(IReadOnlyList<OutboxMessage> messages, IReadOnlyList<PromptMark>? marks = null) : IUnitOfWorkPart
{
    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        await using var db = await JoinedContext.JoinAsync<HostDbContext>(transaction, options => new(options), ct);
        db.Outbox.AddRange(messages);
        if (marks is not null) db.PromptMarks.AddRange(marks);
        await db.SaveChangesAsync(ct);
    }
}
