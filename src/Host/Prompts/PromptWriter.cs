using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Writes the outbox rows of one prompt for one task, and its mark, in one short transaction. Idempotent:
/// a task whose mark exists is left alone, and a row whose dedup key exists is not written again, so the
/// handler, the sweeps and a second node may all try the same task.
/// </summary>
public sealed class PromptWriter(IDbContextFactory<HostDbContext> contexts, PromptRecipients recipients, EscalationRecipients escalations,
    IOptions<PromptOptions> options, TimeProvider clock)
{
    private const int Tries = 3;

    /// <summary>The tasks among <paramref name="taskIds"/> whose prompts of this kind were already written.</summary>
    public async Task<HashSet<Guid>> MarkedAsync(PromptKind kind, IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = kind.Key();
        return [.. await db.PromptMarks.AsNoTracking().Where(m => m.Kind == key && taskIds.Contains(m.TaskId)).Select(m => m.TaskId).ToListAsync(ct)];
    }

    /// <summary>How many people the task's prompt of this kind was written for, or null when it was not written yet.</summary>
    public async Task<int?> RecipientsMarkedAsync(PromptKind kind, Guid taskId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = kind.Key();
        return await db.PromptMarks.AsNoTracking().Where(m => m.TaskId == taskId && m.Kind == key).Select(m => (int?)m.Recipients).FirstOrDefaultAsync(ct);
    }

    /// <summary>Writes the prompts unless they were written before; returns how many outbox rows were added.</summary>
    public async Task<int> WriteAsync(PromptKind kind, PromptTask task, CancellationToken ct)
    {
        if (await IsMarkedAsync(kind, task.TaskId, ct)) return 0;
        return await WriteAsync(kind, task, await RecipientsAsync(kind, task, ct), ct);
    }

    /// <summary>
    /// An escalation's first step goes to the colleagues, the last to the chair; with no colleague to ask, the first goes to
    /// the chair and the last to nobody (the chair heard already).
    /// </summary>
    private async Task<IReadOnlyList<PromptRecipient>> RecipientsAsync(PromptKind kind, PromptTask task, CancellationToken ct)
    {
        if (kind is not (PromptKind.Escalation or PromptKind.EscalationChair))
            return await recipients.ForTaskAsync(task.TaskId, task.Assignee, task.CandidateGroup, ct);
        var colleagues = await escalations.ColleaguesAsync(task, ct);
        return (kind, colleagues.Count > 0) switch
        {
            (PromptKind.Escalation, true) => colleagues,
            (PromptKind.EscalationChair, false) => [],
            _ => await recipients.GroupAsync(task.TaskId, options.Value.EscalationGroup, ct),
        };
    }

    /// <summary>Marks a prompt that is not to be sent (a reminder for a task created inside its reminder window), so no sweep looks at it again.</summary>
    public Task<int> SkipAsync(PromptKind kind, PromptTask task, CancellationToken ct) => WriteAsync(kind, task, [], ct);

    /// <summary>
    /// Writes the prompts of many tasks in one transaction (a sweep's page: one commit, not one per task); returns how many
    /// outbox rows were added. For tasks the caller found unmarked (<see cref="MarkedAsync"/>): should another writer have
    /// marked one meanwhile, its mark's key refuses the page, which then falls back to one transaction per task, each of
    /// which skips what is there.
    /// </summary>
    public async Task<int> WriteManyAsync(PromptKind kind, IReadOnlyList<PromptTask> tasks, CancellationToken ct)
    {
        var people = new List<IReadOnlyList<PromptRecipient>>(tasks.Count);
        foreach (var task in tasks) people.Add(await RecipientsAsync(kind, task, ct));
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var keys = tasks.SelectMany((task, i) => people[i].Select(p => kind.DedupKey(task, p.UserName))).ToList();
            var existing = await db.Outbox.Where(o => keys.Contains(o.DedupKey)).Select(o => o.DedupKey).ToListAsync(ct);
            var now = clock.GetUtcNow();
            var written = 0;
            for (var i = 0; i < tasks.Count; i++)
            {
                var (messages, mark) = PromptRows.For(kind, tasks[i], people[i], options.Value, now, existing);
                db.Outbox.AddRange(messages);
                db.PromptMarks.Add(mark);
                written += messages.Count;
            }
            try
            {
                await db.SaveChangesAsync(ct);
                return written;
            }
            catch (DbUpdateException)
            {
                // Another writer (the handler, a sweep, another node) wrote one of these first: task by task below.
            }
        }
        var added = 0;
        for (var i = 0; i < tasks.Count; i++) added += await WriteAsync(kind, tasks[i], people[i], ct);
        return added;
    }

    private async Task<int> WriteAsync(PromptKind kind, PromptTask task, IReadOnlyList<PromptRecipient> people, CancellationToken ct)
    {
        var kindKey = kind.Key();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            if (await db.PromptMarks.AnyAsync(m => m.TaskId == task.TaskId && m.Kind == kindKey, ct)) return 0;
            var keys = people.Select(p => kind.DedupKey(task, p.UserName)).ToList();
            var existing = await db.Outbox.Where(o => keys.Contains(o.DedupKey)).Select(o => o.DedupKey).ToListAsync(ct);
            var (messages, mark) = PromptRows.For(kind, task, people, options.Value, clock.GetUtcNow(), existing);
            db.Outbox.AddRange(messages);
            db.PromptMarks.Add(mark);
            try
            {
                await db.SaveChangesAsync(ct);
                return messages.Count;
            }
            catch (DbUpdateException) when (attempt < Tries)
            {
                // Another writer (the handler, a sweep, another node) wrote the same key first: look again.
            }
        }
    }

    private async Task<bool> IsMarkedAsync(PromptKind kind, Guid taskId, CancellationToken ct) =>
        (await MarkedAsync(kind, [taskId], ct)).Count > 0;
}
