using Mediator;
using ProcessEngine.Host.Access;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Features.Casus;
using ProcessEngine.Host.Prompts;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Rvt.Privacy;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Host.Features.Tasks;

/// <param name="Until">The day the holder comes back to it (yyyy-MM-dd); the task is then due at 17:00 that day, Amsterdam time.</param>
/// <param name="Reason">Why taking time is right here; kept with the task (no identifiers of family members).</param>
public sealed record SlowInput(DateOnly? Until, string? Reason);

public sealed record SlowTask(Guid Id, SlowInput Input, CurrentUser User) : IRequest<RequestResult<TaskView>>;

/// <summary>
/// Bewust vertragen ("vertragen is iets anders dan niets doen"): the holder of an open task, or the duo partner of its casus,
/// chooses a later day and says why. Until then the task is not late and sends no reminder or escalation; the inbox and the
/// dashboard show it as consciously slowed. The change, its audit line and the reset of the task's due prompts commit together.
/// </summary>
public sealed class SlowTaskHandler(IWorkflowStore engine, WorkflowRuntime runtime, CasusAccess access, Auditor audit, TimeProvider clock)
    : IRequestHandler<SlowTask, RequestResult<TaskView>>
{
    private const string EventCode = "task.slow";
    /// <summary>At most this far ahead: a longer pause is a decision for the table, not a postponed step.</summary>
    public const int MaxDaysAhead = 183;
    public const int MaxReason = 1000;
    private static readonly TimeOnly EndOfWorkingDay = new(17, 0);

    public async ValueTask<RequestResult<TaskView>> Handle(SlowTask request, CancellationToken ct)
    {
        var user = request.User;
        var task = await engine.FindTaskAsync(request.Id, ct);
        if (task is null) return await audit.NoSuchTaskAsync(user, request.Id, EventCode, AuditAction.Update, ct);
        if (!await MayAsync(user, task, ct))
        {
            await audit.RefuseTaskAsync(user, task, EventCode, AuditAction.Update, ct);
            return RequestResult<TaskView>.Forbidden("Alleen wie de taak heeft, of de duopartner in deze casus, kan hem bewust vertragen.");
        }
        if (task.Status == UserTaskStatus.OnHold) return RequestResult<TaskView>.Paused("Het traject is gepauzeerd (Stopknop): eerst beslist de review.");
        if (task.Status != UserTaskStatus.Open) return RequestResult<TaskView>.Conflict("Deze taak is al afgehandeld.");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), DutchCalendar.Amsterdam).DateTime);
        var errors = Check(request.Input, today);
        if (errors.Count > 0) return RequestResult<TaskView>.Invalid(errors);
        var day = request.Input.Until!.Value;
        var until = MomentOf(day);
        var line = audit.Line(user, EventCode, AuditAction.Update, Auditor.PurposeCare, task.CorrelationId,
            detail: $"{task.Id}: bewust vertraagd tot {day:yyyy-MM-dd}");
        var result = await runtime.SlowTaskAsync(task.Id, until, request.Input.Reason!.Trim(), user.UserName,
            UnitOfWorkParts.Of(new DuePromptsReset(task.Id), line), ct);
        if (result.Outcome != ResumeOutcome.Resumed) return result.ToResult(_ => TaskView.From(task));
        return RequestResult<TaskView>.Ok(TaskView.From((await engine.FindTaskAsync(task.Id, ct))!));
    }

    private async Task<bool> MayAsync(CurrentUser user, UserTask task, CancellationToken ct) =>
        task.Assignee == user.UserName
        || (task.CorrelationId is { } code && (await access.CheckAsync(user, code, ct)).Access == CasusAccessResult.DuoPartner);

    /// <summary>The field errors of the input, as of <paramref name="today"/> (Amsterdam).</summary>
    public static Dictionary<string, string> Check(SlowInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (input.Until is not { } day) errors["until"] = "Kies de dag waarop u erop terugkomt.";
        else if (day <= today) errors["until"] = "Kies een dag na vandaag.";
        else if (day > today.AddDays(MaxDaysAhead)) errors["until"] = "Bewust vertragen kan tot een half jaar vooruit; langer is een besluit voor de tafel.";
        if (string.IsNullOrWhiteSpace(input.Reason)) errors["reason"] = "Zeg waarom u bewust vertraagt.";
        else if (input.Reason.Length > MaxReason) errors["reason"] = $"Maximaal {MaxReason} tekens.";
        else if (IdentifierGuard.Find(input.Reason, today) is [var first, ..]) errors["reason"] = first.Message;
        return errors;
    }

    /// <summary>17:00 on <paramref name="day"/> in Amsterdam: the end of the working day the holder named.</summary>
    public static DateTimeOffset MomentOf(DateOnly day)
    {
        var local = day.ToDateTime(EndOfWorkingDay);
        return new DateTimeOffset(local, DutchCalendar.Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }
}
