using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Mail;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// The inbrenger is kept informed of the maatregel the GI carries out, rather than doing the GI's work: when a
/// maatregel is registered on the casus, and each time someone else (the jeugdbeschermer) completes a step of it, the
/// inbrenger gets an e-mail. Like every prompt it names only the casus code and links to the casus page; it is written
/// in the pass's own transaction (the outbox), and the casus's purge deletes it with the rest (its dedup key holds the
/// maatregel's instance id or the step's task id, see <see cref="PromptRowsPurge"/>).
/// </summary>
public sealed class MaatregelUpdatesAlongside(PromptRecipients recipients, IOptions<PromptOptions> options, IOptions<RvtFlowOptions> flows,
    TimeProvider clock) : ICommitParticipant
{
    public const string Key = "maatregel";

    public async ValueTask<IUnitOfWorkPart?> PrepareAsync(WorkflowChanges changes, CancellationToken ct)
    {
        var flow = flows.Value.MaatregelFlow;
        var updates = new List<(Guid Id, string Inbrenger, string Casus, bool Registered)>();
        foreach (var instance in changes.Created.Where(i => i.DefinitionId == flow))
            if (Inbrenger(instance) is { } inbrenger && instance.CorrelationId is { } casus) updates.Add((instance.Id, inbrenger, casus, true));
        foreach (var (task, _) in changes.TasksUpdated.Where(t => t.Task.Status == UserTaskStatus.Completed && t.Task.DefinitionId == flow))
        {
            var instance = changes.Updated.Select(u => u.Instance).FirstOrDefault(i => i.Id == task.InstanceId);
            if (instance is null || Inbrenger(instance) is not { } inbrenger || task.CorrelationId is not { } casus) continue;
            // The inbrenger's own step (planning the return to vrijwilligheid) needs no message to themselves.
            if (!string.Equals(task.CompletedBy, inbrenger, StringComparison.OrdinalIgnoreCase)) updates.Add((task.Id, inbrenger, casus, false));
        }
        if (updates.Count == 0) return null;
        var now = clock.GetUtcNow();
        var messages = new List<OutboxMessage>();
        foreach (var (id, inbrenger, casus, registered) in updates)
        {
            var (subject, body) = PromptTexts.ForMaatregel(casus, registered, options.Value.BaseUrl);
            foreach (var person in await recipients.UserAsync(id, inbrenger, ct))
                messages.Add(new OutboxMessage
                {
                    Id = Guid.CreateVersion7(now), DedupKey = $"{Key}:{id}:{person.UserName}", Recipient = person.Email,
                    Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now,
                });
        }
        return messages.Count == 0 ? null : new OutboxRows(messages);
    }

    private static string? Inbrenger(WorkflowInstance instance) => instance.ReadInput().GetValueOrDefault("inbrenger") as string;
}
