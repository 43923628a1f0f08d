using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The transactional outbox of new tasks: every pass that creates tasks commits their e-mail prompt rows (and
/// marks) in its own transaction, whoever caused it, so a crash can no longer leave a task without its prompt.
/// The recipients are looked up before the transaction opens; the rows are written inside it, by a
/// <see cref="OutboxRows"/> on the engine's connection. After the commit <see cref="TaskCreatedPrompts"/> only
/// wakes the dispatcher; <see cref="CreatedPromptSweep"/> stays the net for tasks stored without this (an older
/// version's).
/// </summary>
public sealed class CreatedPromptsAlongside(PromptRecipients recipients, IOptions<PromptOptions> options, TimeProvider clock) : ICommitParticipant
{
    public async ValueTask<IUnitOfWorkPart?> PrepareAsync(WorkflowChanges changes, CancellationToken ct)
    {
        if (changes.TasksAdded.Count == 0) return null;
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        var marks = new List<PromptMark>();
        foreach (var added in changes.TasksAdded)
        {
            var task = PromptTask.From(added);
            var people = await recipients.ForTaskAsync(task.TaskId, task.Assignee, task.CandidateGroup, ct);
            var (rows, mark) = PromptRows.For(PromptKind.Created, task, people, options.Value, now);
            messages.AddRange(rows);
            marks.Add(mark);
        }
        return new OutboxRows(messages, marks);
    }
}
