using Microsoft.AspNetCore.Identity;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Casus;

/// <summary>
/// Who reviews a Stopknop: someone not involved in the help that may be harming. Involved are the inbrenger, the duo
/// partner, the GI's jeugdbeschermer, whoever held or completed a task of the casus, and whoever pressed the button;
/// not the chair's own table tasks (triage, advies, readiness check), which make every casus the chair's and are not the
/// help itself. The review goes to the RVT chairs, or to the RVT members when every chair is involved; those involved
/// cannot take it (the review task excludes them).
/// </summary>
public sealed class StopknopReviewers(TrajectService trajecten, InvolvementRecords involvements, IWorkflowStore engine, IServiceScopeFactory scopes)
{
    public async Task<StopknopBeoordeling> ChooseAsync(string casusCode, string presser, CancellationToken ct = default)
    {
        var involved = new SortedSet<string>(StringComparer.Ordinal) { presser };
        void Add(object? user) { if (user is string { Length: > 0 } name) involved.Add(name); }
        Add((await trajecten.FindCasusAsync(casusCode, ct))?.Inbrenger);
        var instances = await engine.FindInstancesByCorrelationAsync(casusCode, ct);
        // Wider than access on purpose: who is left out of the review may be named by the domain's records or by the flows' data.
        // Task holders come from the tasks below, where the chair's own table tasks are told apart.
        foreach (var record in await involvements.OfAsync(casusCode, ct))
            if (record.Kind != InvolvementKind.TaskHolder) Add(record.UserName);
        foreach (var instance in instances)
        {
            Add(instance.ReadInput().GetValueOrDefault("jeugdbeschermer"));
            Add(instance.ReadInput().GetValueOrDefault("duoPartner"));
            Add(instance.Variables.GetValueOrDefault("duoPartner"));
        }
        foreach (var task in await engine.GetTasksAsync(casusCode, ct))
        {
            if (task.CandidateGroup == Roles.RvtChair) continue;
            Add(task.Assignee);
            Add(task.CompletedBy);
        }
        await using var scope = scopes.CreateAsyncScope();
        var chairs = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().GetUsersInRoleAsync(Roles.RvtChair);
        var group = chairs.Any(c => c.UserName is { } name && !involved.Contains(name)) ? Roles.RvtChair : Roles.RvtMember;
        return new StopknopBeoordeling(group, [.. involved]);
    }
}
