using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Host.Features.Instances;

/// <summary>
/// An operator's repair of one instance: <see cref="Kind"/> CancelStep, MoveStep or StartActivity; the waiting step (or the
/// activity to start), where a moved step goes and whether its moment is kept; the reason (required to apply).
/// </summary>
public sealed record RepairInput(RepairKind? Kind, string? ActivityId, string? TargetActivityId = null, DueMoment Due = DueMoment.Keep, string? Reason = null);

public sealed record PreviewRepair(Guid Id, RepairInput Input, CurrentUser User) : IRequest<RequestResult<RepairResult>>;
public sealed record ApplyRepair(Guid Id, RepairInput Input, CurrentUser User) : IRequest<RequestResult<RepairResult>>;

/// <summary>Repairs are previewed first and applied with the audit line in the same transaction; a refusal is a 409 naming why.</summary>
public sealed class InstanceRepairHandlers(InstanceRepairs repairs, IWorkflowStore engine, Auditor audit) :
    IRequestHandler<PreviewRepair, RequestResult<RepairResult>>,
    IRequestHandler<ApplyRepair, RequestResult<RepairResult>>
{
    public async ValueTask<RequestResult<RepairResult>> Handle(PreviewRepair request, CancellationToken ct)
    {
        if (Check(request.Input, needsReason: false) is { } invalid) return invalid;
        if (await engine.FindInstanceAsync(request.Id, ct) is null) return NoInstance(request.Id);
        return Result(await repairs.PreviewAsync(request.Id, ToRequest(request.Input), ct));
    }

    public async ValueTask<RequestResult<RepairResult>> Handle(ApplyRepair request, CancellationToken ct)
    {
        if (Check(request.Input, needsReason: true) is { } invalid) return invalid;
        if (await engine.FindInstanceAsync(request.Id, ct) is null) return NoInstance(request.Id);
        var line = audit.Line(request.User, "instance.repair", AuditAction.Update, Auditor.PurposeManagement,
                detail: $"{request.Id} {request.Input.Kind} {request.Input.ActivityId}{(request.Input.TargetActivityId is { } to ? " naar " + to : "")}")
            .CompletedBy((record, changes) => record with { CasusCode = AuditLine.CasusOf(changes, request.Id) });
        return Result(await repairs.ApplyAsync(request.Id, ToRequest(request.Input), request.Input.Reason!, line, ct));
    }

    private static RequestResult<RepairResult> NoInstance(Guid id) => RequestResult<RepairResult>.NotFound($"Instantie {id} bestaat niet.");

    private static RepairRequest ToRequest(RepairInput input) => new(input.Kind!.Value, input.ActivityId!, input.TargetActivityId, input.Due);

    private static RequestResult<RepairResult>? Check(RepairInput input, bool needsReason)
    {
        if (input.Kind is null) return RequestResult<RepairResult>.Invalid("kind", "Kies CancelStep, MoveStep of StartActivity.");
        if (string.IsNullOrWhiteSpace(input.ActivityId)) return RequestResult<RepairResult>.Invalid("activityId", "Geef de activiteit.");
        if (input.Kind == RepairKind.MoveStep && string.IsNullOrWhiteSpace(input.TargetActivityId))
            return RequestResult<RepairResult>.Invalid("targetActivityId", "Geef de activiteit waar de stap heen gaat.");
        if (needsReason && string.IsNullOrWhiteSpace(input.Reason))
            return RequestResult<RepairResult>.Invalid("reason", "Geef de reden van het herstel; die komt in het journaal.");
        if (input.Reason is { Length: > 500 }) return RequestResult<RepairResult>.Invalid("reason", "De reden is langer dan 500 tekens.");
        return null;
    }

    private static RequestResult<RepairResult> Result(RepairResult result) =>
        result.Refused is { } why && !result.Applied ? RequestResult<RepairResult>.Conflict(why) : RequestResult<RepairResult>.Ok(result);
}
