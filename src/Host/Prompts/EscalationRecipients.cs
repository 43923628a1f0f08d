using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;

namespace ProcessEngine.Host.Prompts;

/// <summary>
/// Who hears first that a task is still open past its due moment: the other half of the duo (the duo partner when the
/// inbrenger holds the task, the inbrenger when the duo partner does), otherwise the colleagues in the holder's teams,
/// and for a team task nobody holds, the team itself. The chair hears only as the last step (<see cref="PromptKind.EscalationChair"/>),
/// or at once when there is nobody else to ask.
/// </summary>
public sealed class EscalationRecipients(InvolvementRecords involvements, TrajectService trajecten, PromptRecipients recipients)
{
    public async Task<IReadOnlyList<PromptRecipient>> ColleaguesAsync(PromptTask task, CancellationToken ct)
    {
        if (task.Assignee is not { } holder)
            return task.CandidateGroup is { } group ? await recipients.GroupAsync(task.TaskId, group, ct) : [];
        if (await OtherHalfOfDuoAsync(task.CasusCode, holder, ct) is { } other) return await recipients.UserAsync(task.TaskId, other, ct);
        return await recipients.TeamColleaguesAsync(task.TaskId, holder, ct);
    }

    /// <summary>
    /// The duo of a casus: its inbrenger and its registered duo partner (the latest, should the chair have formed a new duo), never a
    /// name a flow put in its variables: an e-mail with the casus code goes only to someone involved.
    /// </summary>
    private async Task<string?> OtherHalfOfDuoAsync(string? casusCode, string holder, CancellationToken ct)
    {
        if (casusCode is null) return null;
        var partners = (await involvements.OfAsync(casusCode, ct)).Where(i => i.Kind == InvolvementKind.DuoPartner)
            .OrderByDescending(i => i.RegisteredAt).Select(i => i.UserName).OfType<string>().ToList();
        if (partners.Count == 0 || (await trajecten.FindCasusAsync(casusCode, ct))?.Inbrenger is not { } inbrenger) return null;
        if (holder == inbrenger) return partners[0];
        return partners.Contains(holder) ? inbrenger : null;
    }
}
