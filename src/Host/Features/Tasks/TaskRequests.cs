using System.Text.Json;
using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Features.Inbox;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Identity;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Features.Tasks;

public sealed record CompleteInput(string? Outcome, Dictionary<string, JsonElement>? Data);
public sealed record ReassignInput(string? Assignee);

/// <param name="Sort">Other than by due moment, the first <see cref="TaskHandlers.MaxPage"/> open tasks are ordered and then paged.</param>
public sealed record ListMyTasks(CurrentUser User, string? CasusCode, int Skip, int Take, InboxSort Sort = InboxSort.Due)
    : IRequest<RequestResult<IReadOnlyList<TaskView>>>;
public sealed record ListTeamTasks(CurrentUser User, string? CasusCode, int Skip, int Take) : IRequest<RequestResult<IReadOnlyList<TaskView>>>;
public sealed record GetTask(Guid Id, CurrentUser User) : IRequest<RequestResult<TaskView>>;
public sealed record ClaimTask(Guid Id, CurrentUser User) : IRequest<RequestResult<TaskView>>;
public sealed record ReleaseTask(Guid Id, CurrentUser User) : IRequest<RequestResult<TaskView>>;
public sealed record CompleteTask(Guid Id, CompleteInput Input, CurrentUser User) : IRequest<RequestResult<TaskView>>;
public sealed record ReassignTask(Guid Id, ReassignInput Input, CurrentUser User) : IRequest<RequestResult<TaskView>>;

/// <summary>
/// The inbox and what a person does with a task. A task is theirs when it is assigned to them; a team
/// task (unassigned, for one of their groups) they may claim, or complete directly (which claims it).
/// A stand-in (waarneming) may read and complete the tasks of the person they stand in for while the period runs, in that
/// person's name; the audit lines name the stand-in as user and that person as on-behalf-of.
/// Every step on a task of a casus is audited with that casus code.
/// </summary>
public sealed class TaskHandlers(IWorkflowStore engine, WorkflowRuntime runtime, Auditor audit, ActiveAccounts accounts, InvolvementGrants grants,
    WaarnemingStore waarnemingen, InboxStore inbox) :
    IRequestHandler<ListMyTasks, RequestResult<IReadOnlyList<TaskView>>>,
    IRequestHandler<ListTeamTasks, RequestResult<IReadOnlyList<TaskView>>>,
    IRequestHandler<GetTask, RequestResult<TaskView>>,
    IRequestHandler<ClaimTask, RequestResult<TaskView>>,
    IRequestHandler<ReleaseTask, RequestResult<TaskView>>,
    IRequestHandler<CompleteTask, RequestResult<TaskView>>,
    IRequestHandler<ReassignTask, RequestResult<TaskView>>
{
    public const int MaxPage = 200;

    public async ValueTask<RequestResult<IReadOnlyList<TaskView>>> Handle(ListMyTasks request, CancellationToken ct)
    {
        var (skip, take) = (Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage));
        if (request.Sort == InboxSort.Due)
            return await ShownAsync(request.User, "task.list.mine", await engine.FindOpenTasksAsync(new TaskQuery(request.User.UserName, [],
                request.CasusCode, skip, take), ct), ct);
        // The follow-up date and priority are the host's, not the engine's: order the first page the engine can give, then cut.
        var all = await engine.FindOpenTasksAsync(new TaskQuery(request.User.UserName, [], request.CasusCode, 0, MaxPage), ct);
        var notes = await inbox.NotesOfAsync([.. all.Select(t => t.Id)], ct);
        var ordered = InboxOrder.Sort(all, request.Sort, t => notes.GetValueOrDefault(t.Id)?.FollowUpOn,
            t => notes.GetValueOrDefault(t.Id)?.Priority ?? HostStore.Inbox.TaskPriority.Normal);
        return await ShownAsync(request.User, "task.list.mine", [.. ordered.Skip(skip).Take(take)], ct);
    }

    public async ValueTask<RequestResult<IReadOnlyList<TaskView>>> Handle(ListTeamTasks request, CancellationToken ct)
    {
        if (request.User.Groups.Count == 0) return RequestResult<IReadOnlyList<TaskView>>.Ok([]);
        var tasks = await engine.FindOpenTasksAsync(new TaskQuery(null, request.User.Groups, request.CasusCode,
            Math.Max(0, request.Skip), Math.Clamp(request.Take, 1, MaxPage), UnassignedOnly: true, VisibleTo: request.User.UserName), ct);
        return await ShownAsync(request.User, "task.list.team", tasks, ct);
    }

    /// <summary>An inbox shows task descriptions built from casus free text: one audit line per list, naming its casussen, before it is shown.</summary>
    private async Task<RequestResult<IReadOnlyList<TaskView>>> ShownAsync(CurrentUser user, string eventCode, IReadOnlyList<UserTask> tasks,
        CancellationToken ct)
    {
        await audit.ListAsync(user, eventCode, Auditor.PurposeCare, tasks.Select(t => t.CorrelationId), tasks.Count, ct: ct);
        var notes = await inbox.NotesOfAsync([.. tasks.Select(t => t.Id)], ct);
        return RequestResult<IReadOnlyList<TaskView>>.Ok([.. tasks.Select(t => TaskView.From(t).With(notes.GetValueOrDefault(t.Id)))]);
    }

    public async ValueTask<RequestResult<TaskView>> Handle(GetTask request, CancellationToken ct)
    {
        var (task, refusal, onBehalfOf) = await EnterAsync(request.Id, request.User, "task.read", AuditAction.Read, allowDone: true, ct);
        if (refusal is not null) return refusal;
        await audit.RecordAsync(request.User, "task.read", AuditAction.Read, AuditOutcome.Success, Auditor.PurposeCare, task!.CorrelationId,
            detail: task.Id.ToString(), onBehalfOf: onBehalfOf, ct: ct);
        var notes = await inbox.NotesOfAsync([task.Id], ct);
        return RequestResult<TaskView>.Ok(TaskView.From(task).With(notes.GetValueOrDefault(task.Id)));
    }

    public async ValueTask<RequestResult<TaskView>> Handle(ClaimTask request, CancellationToken ct)
    {
        var (task, refusal, onBehalfOf) = await EnterAsync(request.Id, request.User, "task.claim", AuditAction.Update, allowDone: false, ct);
        if (refusal is not null) return refusal;
        var line = Line(request.User, task!, "task.claim", onBehalfOf);
        // Taking a task offered to one's group involves one in its casus (with the claim, in its transaction).
        var taken = UnitOfWorkParts.Of(line, grants.ForTaking(task!, request.User.UserName));
        return await AfterAsync(await runtime.ClaimTaskAsync(task!.Id, request.User.UserName, request.User.Groups, taken, ct), line, task, ct);
    }

    public async ValueTask<RequestResult<TaskView>> Handle(ReleaseTask request, CancellationToken ct)
    {
        var (task, refusal, onBehalfOf) = await EnterAsync(request.Id, request.User, "task.release", AuditAction.Update, allowDone: false, ct);
        if (refusal is not null) return refusal;
        var line = Line(request.User, task!, "task.release", onBehalfOf);
        return await AfterAsync(await runtime.ReleaseTaskAsync(task!.Id, request.User.UserName, line, ct), line, task, ct);
    }

    public async ValueTask<RequestResult<TaskView>> Handle(CompleteTask request, CancellationToken ct)
    {
        var (task, refusal, onBehalfOf) = await EnterAsync(request.Id, request.User, "task.complete", AuditAction.Update, allowDone: false, ct);
        if (refusal is not null) return refusal;
        if (string.IsNullOrWhiteSpace(request.Input.Outcome))
            return RequestResult<TaskView>.Invalid("outcome", $"Kies een uitkomst: {string.Join(", ", task!.Outcomes)}.");
        var data = request.Input.Data?.ToDictionary(p => p.Key, p => (object?)p.Value) ?? [];
        var line = Line(request.User, task!, "task.complete", onBehalfOf);
        // A stand-in completes in the holder's name: the flows hand follow-up work to whoever completed a step (completedBy), and that
        // work stays the holder's, as does the involvement a completed task gives. Who really acted is the audit line's user.
        var holder = onBehalfOf ?? request.User.UserName;
        var (granted, duoProblem) = await grants.ForCompletionAsync(request.User, task!, holder, request.Input.Outcome, data, ct);
        if (duoProblem is not null) return RequestResult<TaskView>.Invalid("data." + InvolvementGrants.DuoPartnerField, duoProblem);
        var result = await runtime.CompleteTaskAsync(task!.Id, request.Input.Outcome, data, holder, UnitOfWorkParts.Of(line, granted), ct);
        return await AfterAsync(result, line, task, ct);
    }

    public async ValueTask<RequestResult<TaskView>> Handle(ReassignTask request, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(request.Id, ct);
        if (task is null) return await NoSuchTaskAsync(request.User, request.Id, "task.reassign", AuditAction.Update, ct);
        // The chair divides the work; anyone else may only pass on a task they hold.
        if (!request.User.IsIn(Roles.RvtChair) && task.Assignee != request.User.UserName)
        {
            await RefuseAsync(request.User, task, "task.reassign", AuditAction.Update, ct);
            return RequestResult<TaskView>.Forbidden("Alleen wie de taak heeft, of de voorzitter, kan hem overdragen.");
        }
        if (string.IsNullOrWhiteSpace(request.Input.Assignee)) return RequestResult<TaskView>.Invalid("assignee", "Kies aan wie de taak gaat.");
        var (holder, problem) = await NewHolderAsync(task, request.Input.Assignee.Trim());
        if (problem is not null) return RequestResult<TaskView>.Invalid("assignee", problem);
        var line = audit.Line(request.User, "task.reassign", AuditAction.Update, Auditor.PurposeCare, task.CorrelationId, detail: $"{task.Id} aan {holder}");
        var handedOver = UnitOfWorkParts.Of(line, grants.ForHandover(task, holder!, request.User.UserName));
        var result = await runtime.ReassignTaskAsync(task.Id, holder!, request.User.UserName, handedOver, ct);
        return await AfterAsync(result, line, task, ct);
    }

    /// <summary>
    /// Whom a task may go to: an account that exists and is not locked out, named as the account is (not as typed), that
    /// may do this work: a member of the task's group, or for a task without a group someone who works on casussen.
    /// </summary>
    private async Task<(string? Holder, string? Problem)> NewHolderAsync(UserTask task, string typed)
    {
        var (account, problem) = await accounts.FindAsync(typed);
        if (account is null) return (null, problem);
        var (name, groups) = (account.Name, account.Groups);
        var mayDo = task.CandidateGroup is { } group ? groups.Contains(group) : Policies.RolesByPolicy[Policies.CasusWork].Any(groups.Contains);
        return mayDo ? (name, null) : (null, task.CandidateGroup is { } g
            ? $"{name} hoort niet bij {g}, voor wie deze taak is."
            : $"{name} werkt niet aan casussen en kan deze taak niet doen.");
    }

    /// <summary>
    /// Finds the task and decides whether this person may act on it; a refusal is audited. A stand-in acting on the task of the
    /// person they stand in for now gets that person's name back, for the audit line's on-behalf-of.
    /// </summary>
    private async Task<(UserTask? Task, RequestResult<TaskView>? Refusal, string? OnBehalfOf)> EnterAsync(Guid id, CurrentUser user, string eventCode,
        string action, bool allowDone, CancellationToken ct)
    {
        var task = await engine.FindTaskAsync(id, ct);
        if (task is null) return (null, await NoSuchTaskAsync(user, id, eventCode, action, ct), null);
        if (!allowDone && task.Excludes(user.UserName))
        {
            await RefuseAsync(user, task, eventCode, action, ct);
            return (task, RequestResult<TaskView>.Forbidden("U bent betrokken bij deze casus: deze taak is voor iemand die er niet bij betrokken is."), null);
        }
        var mine = task.Assignee == user.UserName || (allowDone && task.CompletedBy == user.UserName);
        var teams = task.Assignee is null && task.CandidateGroup is not null && user.Groups.Contains(task.CandidateGroup);
        if (mine || teams) return (task, null, null);
        // A member of the task's group whom a colleague beat to it (claimed, or claimed and completed) lost a race, not access:
        // 409 as for any task already handled, so two people pressing "Oppakken" together get one 200 and one 409.
        if (!allowDone && task.CandidateGroup is not null && user.Groups.Contains(task.CandidateGroup))
            return (task, RequestResult<TaskView>.Conflict("Iemand anders heeft deze taak intussen opgepakt of afgehandeld."), null);
        if (task.Assignee is { } holder && await waarnemingen.IsStandingInAsync(user.UserName, holder, ct)) return (task, null, holder);
        await RefuseAsync(user, task, eventCode, action, ct);
        return (task, RequestResult<TaskView>.Forbidden("Deze taak is niet voor u."), null);
    }

    /// <summary>
    /// The engine committed the change with its audit line; a step that changed nothing because it was already so
    /// (claiming one's own task) gets its line on its own.
    /// </summary>
    private async Task<RequestResult<TaskView>> AfterAsync(ResumeResult result, AuditLine line, UserTask before, CancellationToken ct)
    {
        if (result.Outcome != ResumeOutcome.Resumed) return result.ToResult(_ => TaskView.From(before));
        if (!result.Committed) await line.AppendAloneAsync(ct);
        return RequestResult<TaskView>.Ok(TaskView.From((await engine.FindTaskAsync(before.Id, ct))!));
    }

    private AuditLine Line(CurrentUser user, UserTask task, string eventCode, string? onBehalfOf) =>
        audit.Line(user, eventCode, AuditAction.Update, Auditor.PurposeCare, task.CorrelationId, detail: task.Id.ToString(), onBehalfOf: onBehalfOf);

    private Task<RequestResult<TaskView>> NoSuchTaskAsync(CurrentUser user, Guid id, string eventCode, string action, CancellationToken ct) =>
        audit.NoSuchTaskAsync(user, id, eventCode, action, ct);

    private Task RefuseAsync(CurrentUser user, UserTask task, string eventCode, string action, CancellationToken ct) =>
        audit.RefuseTaskAsync(user, task, eventCode, action, ct);
}
