using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Prompts;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The safety net behind <see cref="TaskCreatedPrompts"/>: the notification is published after the engine
/// committed, so a crash in between would lose the prompt. Every minute this finds tasks created since the
/// last sweep (less <see cref="PromptOptions.SweepLookback"/>, for execution passes that committed late) and writes
/// the prompts of any that have none. After a restart it resumes where it stopped, however long ago.
/// </summary>
public sealed class CreatedPromptSweep(ITaskPromptQueries store, PromptWriter writer, PromptCursors cursors, IOptions<PromptOptions> options,
    TimeProvider clock, DispatchTrigger trigger, ILogger<CreatedPromptSweep> logger)
{
    public const string JobId = "processengine-prompts-sweep";
    private const int PageSize = 200;

    /// <summary>Writes the missing prompts; returns how many outbox rows were added.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var startedAt = clock.GetUtcNow();
        var after = (await cursors.ReadAsync(JobId, ct) ?? startedAt) - options.Value.SweepLookback;
        var afterId = Guid.Empty;
        var written = 0;
        while (true)
        {
            var page = await store.FindTasksCreatedSinceAsync(after, afterId, PageSize, ct);
            if (page.Count == 0) break;
            var marked = await writer.MarkedAsync(PromptKind.Created, [.. page.Select(t => t.Id)], ct);
            var missing = page.Where(t => !marked.Contains(t.Id)).Select(t => PromptTask.From(t)).ToList();
            if (missing.Count > 0)
            {
                // One commit for the page: after an outage or an upgrade this may be thousands of tasks.
                var added = await writer.WriteManyAsync(PromptKind.Created, missing, ct);
                logger.LogWarning("{Tasks} task(s) had no e-mail prompt yet (their notification was lost or late, or an older version stored them); " +
                    "the sweep wrote {Count} prompt(s), first task {TaskId}", missing.Count, added, missing[0].TaskId);
                written += added;
            }
            if (page.Count < PageSize) break;
            (after, afterId) = (page[^1].CreatedAt, page[^1].Id);
        }
        await cursors.AdvanceAsync(JobId, startedAt, ct);
        if (written > 0) trigger.DispatchSoon();
        return written;
    }
}
