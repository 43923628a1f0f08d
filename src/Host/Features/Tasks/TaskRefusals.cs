using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Tasks;

/// <summary>How every task request refuses, audited the same way: a task that does not exist, or one that is not this person's.</summary>
public static class TaskRefusals
{
    /// <summary>A task id that does not exist is refused and audited: trying ids is what a probe looks like.</summary>
    public static async Task<RequestResult<TaskView>> NoSuchTaskAsync(this Auditor audit, CurrentUser user, Guid id, string eventCode, string action,
        CancellationToken ct)
    {
        await audit.RecordAsync(user, eventCode, action, AuditOutcome.Refused, Auditor.PurposeCare, detail: $"{id}: taak bestaat niet", ct: ct);
        return RequestResult<TaskView>.NotFound($"Taak {id} bestaat niet.");
    }

    public static Task RefuseTaskAsync(this Auditor audit, CurrentUser user, UserTask task, string eventCode, string action, CancellationToken ct) =>
        audit.RecordAsync(user, eventCode, action, AuditOutcome.Refused, Auditor.PurposeCare, task.CorrelationId,
            detail: $"{task.Id}: niet voor deze gebruiker", ct: ct);
}
