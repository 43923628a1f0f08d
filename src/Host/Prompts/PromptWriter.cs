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
public sealed class PromptWriter(IDbContextFactory<HostDbContext> contexts, PromptRecipients recipients, IOptions<PromptOptions> options,
    TimeProvider clock)
{
    private const int Tries = 3;

    /// <summary>The tasks among <paramref name="taskIds"/> whose prompts of this kind were already written.</summary>
    public async Task<HashSet<Guid>> MarkedAsync(PromptKind kind, IReadOnlyCollection<Guid> taskIds, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = kind.Key();
        return [.. await db.PromptMarks.AsNoTracking().Where(m => m.Kind == key && taskIds.Contains(m.TaskId)).Select(m => m.TaskId).ToListAsync(ct)];
    }

    /// <summary>Writes the prompts unless they were written before; returns how many outbox rows were added.</summary>
    public async Task<int> WriteAsync(PromptKind kind, PromptTask task, CancellationToken ct)
    {
        if (await IsMarkedAsync(kind, task.TaskId, ct)) return 0;
        var people = kind == PromptKind.Escalation
            ? await recipients.GroupAsync(task.TaskId, options.Value.EscalationGroup, ct)
            : await recipients.ForTaskAsync(task.TaskId, task.Assignee, task.CandidateGroup, ct);
        return await WriteAsync(kind, task, people, ct);
    }

    /// <summary>Marks a prompt that is not to be sent (a reminder for a task created inside its reminder window), so no sweep looks at it again.</summary>
    public Task<int> SkipAsync(PromptKind kind, PromptTask task, CancellationToken ct) => WriteAsync(kind, task, [], ct);

    private async Task<int> WriteAsync(PromptKind kind, PromptTask task, IReadOnlyList<PromptRecipient> people, CancellationToken ct)
    {
        var group = kind == PromptKind.Escalation || task.Assignee is not null ? null : task.CandidateGroup;
        var (subject, body) = PromptTexts.For(kind, task.TaskId, task.CasusCode, group, options.Value.BaseUrl);
        var kindKey = kind.Key();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var now = clock.GetUtcNow();
            if (await db.PromptMarks.AnyAsync(m => m.TaskId == task.TaskId && m.Kind == kindKey, ct)) return 0;
            var keys = people.ToDictionary(p => kind.DedupKey(task.TaskId, p.UserName));
            var keyList = keys.Keys.ToList();
            var existing = await db.Outbox.Where(o => keyList.Contains(o.DedupKey)).Select(o => o.DedupKey).ToListAsync(ct);
            var added = 0;
            foreach (var (dedupKey, person) in keys.Where(k => !existing.Contains(k.Key)))
            {
                db.Outbox.Add(new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now), DedupKey = dedupKey, Recipient = person.Email, Subject = subject, Body = body,
                    CreatedAt = now, NextAttemptAt = now,
                });
                added++;
            }
            db.PromptMarks.Add(new PromptMark { TaskId = task.TaskId, Kind = kindKey, WrittenAt = now, Recipients = added });
            try
            {
                await db.SaveChangesAsync(ct);
                return added;
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
