using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Api;

/// <summary>
/// Outcomes as typed HTTP results: every failure is ProblemDetails, a 400 lists each invalid field under "errors".
/// Each helper's union names exactly the statuses the endpoint can answer, so they reach the OpenAPI document;
/// an outcome outside that union is a programming error (the handler answers something the endpoint does not declare).
/// </summary>
public static class OutcomeHttp
{
    /// <summary>200.</summary>
    public static Ok<T> ToOk<T>(this Outcome<T> outcome) => outcome.Kind == OutcomeKind.Ok ? TypedResults.Ok(outcome.Value) : throw Undeclared(outcome);

    /// <summary>200, 404.</summary>
    public static Results<Ok<T>, NotFoundProblem> ToOkOr404<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400.</summary>
    public static Results<Ok<T>, InvalidProblem> ToOkOr400<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400.</summary>
    public static Results<Created<T>, InvalidProblem> ToCreatedOr400<T>(this Outcome<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        OutcomeKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 404.</summary>
    public static Results<Ok<T>, InvalidProblem, NotFoundProblem> ToOkOr400Or404<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 403, 404.</summary>
    public static Results<Ok<T>, ForbiddenProblem, NotFoundProblem> ToOkOr403Or404<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 403, 404.</summary>
    public static Results<Ok<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem> ToOkOr400Or403Or404<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 404, 409.</summary>
    public static Results<Ok<T>, InvalidProblem, NotFoundProblem, ConflictProblem> ToOkOr400Or404Or409<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        OutcomeKind.Conflict => ConflictProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 403, 404, 409.</summary>
    public static Results<Ok<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToOkOr400Or403Or404Or409<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        OutcomeKind.Conflict => ConflictProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400, 403, 404.</summary>
    public static Results<Created<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem> ToCreatedOr400Or403Or404<T>(this Outcome<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        OutcomeKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400, 403, 404, 409.</summary>
    public static Results<Created<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToCreatedOr400Or403Or404Or409<T>(this Outcome<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        OutcomeKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        OutcomeKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        OutcomeKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        OutcomeKind.NotFound => NotFoundProblem.Of(outcome.Message),
        OutcomeKind.Conflict => ConflictProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>A failed outcome as its problem, for endpoints whose success is not a JSON value (a file).</summary>
    public static InvalidProblem ToInvalid<T>(this Outcome<T> outcome) =>
        outcome.Kind == OutcomeKind.Invalid ? InvalidProblem.Of(outcome.Errors, outcome.Message) : throw Undeclared(outcome);

    /// <inheritdoc cref="ToInvalid{T}"/>
    public static NotFoundProblem ToNotFound<T>(this Outcome<T> outcome) =>
        outcome.Kind == OutcomeKind.NotFound ? NotFoundProblem.Of(outcome.Message) : throw Undeclared(outcome);

    private static InvalidOperationException Undeclared<T>(Outcome<T> outcome) =>
        new($"The endpoint does not declare the outcome {outcome.Kind} ({outcome.Message}); add its status to the endpoint's result type.");

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
