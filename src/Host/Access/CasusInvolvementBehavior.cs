using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Access;

/// <summary>
/// What every casus request must do, done once for all of them (API and UI alike): find the casus, check that the
/// person is involved (a refusal is audited: who tried to see a casus they are not on, or probed for a code that does
/// not exist, is what an audit must show),
/// run the handler, and write the audit line with the person's involvement as its purpose when the handler
/// succeeded. A change (<see cref="ICasusChange"/>) gets its line before the handler runs, to commit with the
/// change. A read that found nothing to show (no Veiligheidskaart yet) is still a look at the casus and audited.
/// </summary>
public sealed class CasusInvolvementBehavior<TMessage, TResponse>(CasusAccess access, Auditor audit) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : ICasusRequest, IMessage
    where TResponse : IRequestResult<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken ct)
    {
        var involvement = await access.CheckAsync(message.User, message.CasusCode, ct);
        switch (involvement.Access)
        {
            case CasusAccessResult.NotFound:
                await audit.RefusedAsync(message.User, message.Audit.EventCode, message.Audit.Action, message.CasusCode, "casus bestaat niet", ct);
                return TResponse.Refused(ResultKind.NotFound, $"Casus {message.CasusCode} bestaat niet.");
            case CasusAccessResult.Denied:
                await audit.RefusedAsync(message.User, message.Audit.EventCode, message.Audit.Action, message.CasusCode, ct: ct);
                return TResponse.Refused(ResultKind.Forbidden, "U bent niet betrokken bij deze casus.");
        }
        AuditLine? alongside = null;
        if (message is ICasusChange change)
        {
            alongside = audit.CasusLine(message.User, message.Audit.EventCode, message.Audit.Action, message.CasusCode, involvement, message.Audit.Detail);
            message = (TMessage)change.Alongside(alongside);
        }
        var response = await next(message, ct);
        // A change's line was committed with the change; every other success gets its line now, before the answer leaves.
        if (alongside is { Written: true }) return response;
        if (response.Succeeded || (response.Kind == ResultKind.NotFound && message.Audit.Action == AuditAction.Read))
        {
            var line = message.AuditFor(response.Value);
            await audit.CasusAsync(message.User, line.EventCode, line.Action, message.CasusCode, involvement, detail: line.Detail, ct: ct);
        }
        return response;
    }
}
