using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Prompts;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Reminders and escalations, derived from the task rows' due moments on the injected clock (never from a
/// job per task, which the in-memory Hangfire storage would lose at a restart):
/// <list type="bullet">
/// <item>a reminder when an open task's due moment is <see cref="PromptOptions.ReminderBefore"/> away or
/// closer, unless the task was created that close to it (its creation prompt said enough);</item>
/// <item>"nog open" to the duo partner or the holder's colleagues once an open task is <see cref="PromptOptions.EscalateAfter"/>
/// past its due moment, and to <see cref="PromptOptions.EscalationGroup"/> (the chair) at <see cref="PromptOptions.EscalateToChairAfter"/>,
/// the last step (<see cref="EscalationRecipients"/>).</item>
/// </list>
/// Held tasks (Stopknop) are skipped while held. A step where taking time is the point (a reflection, "goed genoeg") is never
/// escalated; a consciously slowed task (bewust vertraagd) gets no reminder, and its escalations count from the moment its
/// holder chose, which is its due moment. Each prompt is written once per due moment (marks and dedup keys).
/// </summary>
public sealed class DuePromptScan(ITaskPromptQueries store, PromptWriter writer, IOptions<PromptOptions> options, TimeProvider clock,
    DispatchTrigger trigger, ILogger<DuePromptScan> logger)
{
    public const string JobId = "processengine-prompts-due";
    private const int PageSize = 200;

    private enum Decision { Send, Never, NotYet }

    /// <summary>Writes the reminders and escalations that are due; returns how many outbox rows were added.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var written = 0;
        if (settings.Reminder is { } before)
        {
            // Overdue tasks get no reminder: the escalation takes over.
            // A slowed task's holder chose its moment: no reminder of it.
            written += await ScanAsync(now, before.AddTo(now),
                [(PromptKind.Reminder, task => task.SlowedUntil is null && before.AddTo(task.CreatedAt) < task.DueAt ? Decision.Send : Decision.Never)], ct);
        }
        if (settings.Escalation is { } late)
        {
            // Both steps of the ladder read the overdue tasks once: the colleagues' step, then the chair's.
            List<(PromptKind, Func<UserTask, Decision>)> steps = [(PromptKind.Escalation, task => Escalate(task, late, now))];
            if (settings.EscalationToChair is { } later) steps.Add((PromptKind.EscalationChair, task => Escalate(task, later, now)));
            written += await ScanAsync(DateTimeOffset.UnixEpoch, now, steps, ct);
        }
        if (written > 0)
        {
            logger.LogInformation("{Count} reminder or escalation e-mail(s) queued", written);
            trigger.DispatchSoon();
        }
        return written;
    }

    private static Decision Escalate(UserTask task, FlowDuration after, DateTimeOffset now) =>
        !task.Escalates ? Decision.Never : after.AddTo(task.DueAt!.Value) <= now ? Decision.Send : Decision.NotYet;

    /// <summary>Pages through the open tasks due in (after, until] once, deciding each prompt kind in <paramref name="steps"/> per page.</summary>
    private async Task<int> ScanAsync(DateTimeOffset after, DateTimeOffset until, IReadOnlyList<(PromptKind Kind, Func<UserTask, Decision> Decide)> steps,
        CancellationToken ct)
    {
        var written = 0;
        var afterId = Guid.Empty;
        while (true)
        {
            var page = await store.FindOpenTasksDueAsync(after, afterId, until, PageSize, ct);
            if (page.Count == 0) return written;
            foreach (var (kind, decide) in steps)
            {
                var marked = await writer.MarkedAsync(kind, [.. page.Select(t => t.Id)], ct);
                foreach (var task in page.Where(t => !marked.Contains(t.Id)))
                {
                    written += decide(task) switch
                    {
                        Decision.Send => await writer.WriteAsync(kind, PromptTask.From(task), ct),
                        Decision.Never => await writer.SkipAsync(kind, PromptTask.From(task), ct),
                        _ => 0,
                    };
                }
            }
            if (page.Count < PageSize) return written;
            (after, afterId) = (page[^1].DueAt!.Value, page[^1].Id);
        }
    }
}
