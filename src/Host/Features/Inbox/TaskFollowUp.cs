using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Features.Tasks;
using ProcessEngine.Host.Features.Waarnemingen;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Inbox;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Features.Inbox;

/// <param name="FollowUpOn">The day the holder wants to look at the task again ("opvolgen op", yyyy-MM-dd); null clears it. Never changes the due moment.</param>
/// <param name="Priority">High, Normal or Low; left out: Normal.</param>
public sealed record FollowUpInput(DateOnly? FollowUpOn, TaskPriority? Priority);

public sealed record SetTaskFollowUp(Guid Id, FollowUpInput Input, CurrentUser User) : IRequest<RequestResult<TaskView>>;

/// <summary>
/// The holder of an open task sets its follow-up date and priority for their own planning; a stand-in does so for the holder
/// while the period runs (audited on the holder's behalf). A team task is claimed first: until then nobody holds it. The note
/// and its audit line commit together; the flow itself is not touched.
/// </summary>
public sealed class SetTaskFollowUpHandler(IWorkflowStore engine, InboxStore store, WaarnemingStore waarnemingen, Auditor audit, TimeProvider clock)
    : IRequestHandler<SetTaskFollowUp, RequestResult<TaskView>>
{
    private const string EventCode = "task.followup";
    /// <summary>A follow-up further ahead than a year is not planning a step, it is forgetting it.</summary>
    public const int MaxDaysAhead = 366;

    public async ValueTask<RequestResult<TaskView>> Handle(SetTaskFollowUp request, CancellationToken ct)
    {
        var user = request.User;
        var task = await engine.FindTaskAsync(request.Id, ct);
        if (task is null) return await audit.NoSuchTaskAsync(user, request.Id, EventCode, AuditAction.Update, ct);
        string? onBehalfOf = null;
        if (task.Assignee != user.UserName)
        {
            if (task.Assignee is { } holder && await waarnemingen.IsStandingInAsync(user.UserName, holder, ct)) onBehalfOf = holder;
            else
            {
                await audit.RefuseTaskAsync(user, task, EventCode, AuditAction.Update, ct);
                return RequestResult<TaskView>.Forbidden(task.Assignee is null
                    ? "Pak de taak eerst op: alleen wie de taak heeft, zet een opvolgdatum en prioriteit."
                    : "Alleen wie de taak heeft zet een opvolgdatum en prioriteit.");
            }
        }
        if (task.Status is not (UserTaskStatus.Open or UserTaskStatus.OnHold)) return RequestResult<TaskView>.Conflict("Deze taak is al afgehandeld.");

        var now = clock.GetUtcNow();
        var current = (await store.NotesOfAsync([task.Id], ct)).GetValueOrDefault(task.Id)?.FollowUpOn;
        var errors = Check(request.Input, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, DutchCalendar.Amsterdam).DateTime), current);
        if (errors.Count > 0) return RequestResult<TaskView>.Invalid(errors);
        var priority = request.Input.Priority ?? TaskPriority.Normal;
        var line = audit.Line(user, EventCode, AuditAction.Update, Auditor.PurposeCare, task.CorrelationId,
            detail: $"{task.Id}: opvolgen op {request.Input.FollowUpOn?.ToString("yyyy-MM-dd") ?? "geen"}, prioriteit {priority}", onBehalfOf: onBehalfOf);
        if (!await store.SetNoteAsync(task.Id, request.Input.FollowUpOn, priority, user.UserName, now, line, ct))
            return RequestResult<TaskView>.Conflict("Iemand anders paste dit tegelijk aan; bekijk de taak opnieuw.");
        return RequestResult<TaskView>.Ok(TaskView.From(task) with { FollowUpOn = request.Input.FollowUpOn, Priority = priority });
    }

    /// <summary>
    /// The field errors of the input, as of <paramref name="today"/> (Amsterdam). A day that has passed is refused unless it is the
    /// one already set (<paramref name="current"/>): changing only the priority of a task whose follow-up day came keeps that day.
    /// </summary>
    public static Dictionary<string, string> Check(FollowUpInput input, DateOnly today, DateOnly? current = null)
    {
        var errors = new Dictionary<string, string>();
        if (input.FollowUpOn is { } day && day < today && day != current) errors["followUpOn"] = "Kies vandaag of een dag daarna.";
        else if (input.FollowUpOn is { } later && later > today.AddDays(MaxDaysAhead)) errors["followUpOn"] = "Opvolgen kan tot een jaar vooruit.";
        if (input.Priority is { } priority && !Enum.IsDefined(priority)) errors["priority"] = "Kies Hoog, Normaal of Laag.";
        return errors;
    }
}
