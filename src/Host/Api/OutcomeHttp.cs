using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Api;

/// <summary>Outcomes as HTTP: every failure is ProblemDetails; a 400 lists each invalid field under "errors".</summary>
public static class OutcomeHttp
{
    public static IResult ToHttp<T>(this Outcome<T> outcome, string? location = null) => outcome.Kind switch
    {
        OutcomeKind.Ok => Results.Ok(outcome.Value),
        OutcomeKind.Created => Results.Created(location, outcome.Value),
        OutcomeKind.Invalid => Results.ValidationProblem(
            (outcome.Errors ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => new[] { e.Value }),
            detail: outcome.Message, title: "De invoer is niet geldig."),
        OutcomeKind.NotFound => Results.Problem(outcome.Message, statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden"),
        OutcomeKind.Forbidden => Results.Problem(outcome.Message, statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang"),
        _ => Results.Problem(outcome.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict"),
    };

    /// <summary>A domain service's result as an outcome of the same or a projected value.</summary>
    public static Outcome<TOut> ToOutcome<TIn, TOut>(this DomainResult<TIn> result, Func<TIn, TOut> project, bool created = false) => result.Outcome switch
    {
        DomainOutcome.Ok => created ? Outcome<TOut>.Created(project(result.Value!)) : Outcome<TOut>.Ok(project(result.Value!)),
        DomainOutcome.Invalid => Outcome<TOut>.Invalid(result.Errors, result.Message),
        DomainOutcome.NotFound => Outcome<TOut>.NotFound(result.Message ?? "Niet gevonden."),
        _ => Outcome<TOut>.Conflict(result.Message ?? "Iemand anders was u voor."),
    };

    /// <summary>An engine resume as an outcome: a lost race is a 409, a refused form a 400 naming the fields.</summary>
    public static Outcome<TOut> ToOutcome<TOut>(this ResumeResult result, Func<ResumeResult, TOut> project) => result.Outcome switch
    {
        ResumeOutcome.Resumed => Outcome<TOut>.Ok(project(result)),
        ResumeOutcome.NotFound => Outcome<TOut>.NotFound(result.Message ?? "Niet gevonden."),
        ResumeOutcome.Rejected when result.FieldErrors is { } fields => Outcome<TOut>.Invalid(fields.ToDictionary(f => "data." + f.Key, f => f.Value), result.Message),
        ResumeOutcome.Rejected => Outcome<TOut>.Invalid("request", result.Message ?? "Dit kan nu niet."),
        ResumeOutcome.Held => Outcome<TOut>.Conflict(result.Message ?? "Het traject is gepauzeerd (Stopknop)."),
        _ => Outcome<TOut>.Conflict(result.Message ?? "Dit is al afgehandeld."),
    };
}
