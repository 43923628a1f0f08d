using Mediator;
using ProcessEngine.Host.Api;
using ProcessEngine.Host.Auditing;
using ProcessEngine.Host.Security;

namespace ProcessEngine.Host.Access;

/// <summary>The audit line of a casus request: event code ("casus.read"), action (C/R/U/D/E) and an optional detail.</summary>
public sealed record CasusAuditLine(string EventCode, string Action, string? Detail = null);

/// <summary>
/// A request that reads or changes the data of one casus. Declaring it is all a handler does about access and
/// accountability: <see cref="CasusInvolvementBehavior{TMessage, TResponse}"/> checks the person's involvement
/// before the handler runs (refusals audited) and writes the audit line once the handler succeeded.
/// </summary>
public interface ICasusRequest
{
    string CasusCode { get; }
    CurrentUser User { get; }

    /// <summary>The line a refusal is audited with, and the default line of a success.</summary>
    CasusAuditLine Audit { get; }

    /// <summary>The line for a handled request, given its value (null when the handler found nothing to show).</summary>
    CasusAuditLine AuditFor(object? value);
}

/// <summary>A casus request answering <typeparamref name="TValue"/>; override <see cref="AuditFor(TValue)"/> to put the value in the line.</summary>
public interface ICasusRequest<TValue> : ICasusRequest, IRequest<RequestResult<TValue>>
{
    CasusAuditLine AuditFor(TValue value) => Audit;

    CasusAuditLine ICasusRequest.AuditFor(object? value) => value is TValue typed ? AuditFor(typed) : Audit;
}

/// <summary>
/// A casus request that changes data and commits its audit line in the same transaction as the change. The pipeline
/// builds the line before the handler runs (from <see cref="ICasusRequest.Audit"/>, which must then name the line
/// without the result) and hands it over with <see cref="Alongside"/>; the handler gives <see cref="Line"/> to the
/// service that writes the change.
/// </summary>
public interface ICasusChange : ICasusRequest
{
    AuditLine? Line { get; }

    /// <summary>This request, carrying the line its handler must commit with the change.</summary>
    ICasusChange Alongside(AuditLine line);
}
