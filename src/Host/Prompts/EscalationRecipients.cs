using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Who hears first that a task is still open past its due moment: the other half of the duo (the duo partner when the
/// inbrenger holds the task, the inbrenger when the duo partner does), otherwise the colleagues in the holder's teams,
/// and for a team task nobody holds, the team itself. The chair hears only as the last step (<see cref="PromptKind.EscalationChair"/>),
/// or at once when there is nobody else to ask.
/// </summary>
public sealed class EscalationRecipients(IWorkflowStore engine, PromptRecipients recipients)
{
    public async Task<IReadOnlyList<PromptRecipient>> ColleaguesAsync(PromptTask task, CancellationToken ct)
    {
        if (task.Assignee is not { } holder)
            return task.CandidateGroup is { } group ? await recipients.GroupAsync(task.TaskId, group, ct) : [];
        if (await OtherHalfOfDuoAsync(task.CasusCode, holder, ct) is { } other) return await recipients.UserAsync(task.TaskId, other, ct);
        return await recipients.TeamColleaguesAsync(task.TaskId, holder, ct);
    }

    /// <summary>The duo of a casus: the inbrenger and duo partner a flow of the casus was started with or set (a traject sets duoPartner when a duo forms).</summary>
    private async Task<string?> OtherHalfOfDuoAsync(string? casusCode, string holder, CancellationToken ct)
    {
        if (casusCode is null) return null;
        foreach (var instance in await engine.FindInstancesByCorrelationAsync(casusCode, ct))
        {
            var input = instance.ReadInput();
            var partner = instance.Variables.GetValueOrDefault("duoPartner") as string ?? input.GetValueOrDefault("duoPartner") as string;
            var inbrenger = input.GetValueOrDefault("inbrenger") as string ?? instance.Variables.GetValueOrDefault("inbrenger") as string;
            if (string.IsNullOrEmpty(partner) || string.IsNullOrEmpty(inbrenger)) continue;
            if (holder == inbrenger) return partner;
            if (holder == partner) return inbrenger;
        }
        return null;
    }
}
