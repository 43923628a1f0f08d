using Microsoft.AspNetCore.Http.HttpResults;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Api;

/// <summary>
/// Outcomes as typed HTTP results: every failure is ProblemDetails, a 400 lists each invalid field under "errors".
/// Each helper's union names exactly the statuses the endpoint can answer, so they reach the OpenAPI document;
/// an outcome outside that union is a programming error (the handler answers something the endpoint does not declare).
/// </summary>
public static class ResultHttp
{
    /// <summary>200.</summary>
    public static Ok<T> ToOk<T>(this RequestResult<T> outcome) => outcome.Kind == ResultKind.Ok ? TypedResults.Ok(outcome.Value) : throw Undeclared(outcome);

    /// <summary>200, 404.</summary>
    public static Results<Ok<T>, NotFoundProblem> ToOkOr404<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400.</summary>
    public static Results<Ok<T>, InvalidProblem> ToOkOr400<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 409.</summary>
    public static Results<Ok<T>, InvalidProblem, ConflictProblem> ToOkOr400Or409<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Conflict => ConflictProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400.</summary>
    public static Results<Created<T>, InvalidProblem> ToCreatedOr400<T>(this RequestResult<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        ResultKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 404.</summary>
    public static Results<Ok<T>, InvalidProblem, NotFoundProblem> ToOkOr400Or404<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 403, 404.</summary>
    public static Results<Ok<T>, ForbiddenProblem, NotFoundProblem> ToOkOr403Or404<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 403, 404, 409.</summary>
    public static Results<Ok<T>, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToOkOr403Or404Or409<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        ResultKind.Conflict => ConflictProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400, 403.</summary>
    public static Results<Created<T>, InvalidProblem, ForbiddenProblem> ToCreatedOr400Or403<T>(this RequestResult<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        ResultKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 403, 404.</summary>
    public static Results<Ok<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem> ToOkOr400Or403Or404<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 404, 409.</summary>
    public static Results<Ok<T>, InvalidProblem, NotFoundProblem, ConflictProblem> ToOkOr400Or404Or409<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        ResultKind.Conflict => ConflictProblem.Of(outcome.Message),
        ResultKind.Paused => ConflictProblem.Paused(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>200, 400, 403, 404, 409.</summary>
    public static Results<Ok<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToOkOr400Or403Or404Or409<T>(this RequestResult<T> outcome) => outcome.Kind switch
    {
        ResultKind.Ok => TypedResults.Ok(outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        ResultKind.Conflict => ConflictProblem.Of(outcome.Message),
        ResultKind.Paused => ConflictProblem.Paused(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400, 403, 404.</summary>
    public static Results<Created<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem> ToCreatedOr400Or403Or404<T>(this RequestResult<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        ResultKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>201, 400, 403, 404, 409.</summary>
    public static Results<Created<T>, InvalidProblem, ForbiddenProblem, NotFoundProblem, ConflictProblem> ToCreatedOr400Or403Or404Or409<T>(this RequestResult<T> outcome, Func<T, string> location) => outcome.Kind switch
    {
        ResultKind.Created => TypedResults.Created(location(outcome.Value!), outcome.Value),
        ResultKind.Invalid => InvalidProblem.Of(outcome.Errors, outcome.Message),
        ResultKind.Forbidden => ForbiddenProblem.Of(outcome.Message),
        ResultKind.NotFound => NotFoundProblem.Of(outcome.Message),
        ResultKind.Conflict => ConflictProblem.Of(outcome.Message),
        ResultKind.Paused => ConflictProblem.Paused(outcome.Message),
        _ => throw Undeclared(outcome),
    };

    /// <summary>A failed outcome as its problem, for endpoints whose success is not a JSON value (a file).</summary>
    public static InvalidProblem ToInvalid<T>(this RequestResult<T> outcome) =>
        outcome.Kind == ResultKind.Invalid ? InvalidProblem.Of(outcome.Errors, outcome.Message) : throw Undeclared(outcome);

    /// <inheritdoc cref="ToInvalid{T}"/>
    public static NotFoundProblem ToNotFound<T>(this RequestResult<T> outcome) =>
        outcome.Kind == ResultKind.NotFound ? NotFoundProblem.Of(outcome.Message) : throw Undeclared(outcome);

    private static InvalidOperationException Undeclared<T>(RequestResult<T> outcome) =>
        new($"The endpoint does not declare the outcome {outcome.Kind} ({outcome.Message}); add its status to the endpoint's result type.");

    /// <summary>A domain service's result as an outcome of the same or a projected value.</summary>
    public static RequestResult<TOut> ToResult<TIn, TOut>(this DomainResult<TIn> result, Func<TIn, TOut> project, bool created = false) => result.Outcome switch
    {
        DomainOutcome.Ok => created ? RequestResult<TOut>.Created(project(result.Value!)) : RequestResult<TOut>.Ok(project(result.Value!)),
        DomainOutcome.Invalid => RequestResult<TOut>.Invalid(result.Errors, result.Message),
        DomainOutcome.NotFound => RequestResult<TOut>.NotFound(result.Message ?? "Niet gevonden."),
        _ => RequestResult<TOut>.Conflict(result.Message ?? "Iemand anders was u voor."),
    };

    /// <summary>An engine resume as an outcome: a lost race is a 409, a refused form a 400 naming the fields.</summary>
    public static RequestResult<TOut> ToResult<TOut>(this ResumeResult result, Func<ResumeResult, TOut> project) => result.Outcome switch
    {
        ResumeOutcome.Resumed => RequestResult<TOut>.Ok(project(result)),
        ResumeOutcome.NotFound => RequestResult<TOut>.NotFound(result.Message ?? "Niet gevonden."),
        ResumeOutcome.Rejected when result.FieldErrors is { } fields => RequestResult<TOut>.Invalid(fields.ToDictionary(f => "data." + f.Key, f => f.Value), result.Message),
        ResumeOutcome.Rejected => RequestResult<TOut>.Invalid("request", result.Message ?? "Dit kan nu niet."),
        ResumeOutcome.Held => RequestResult<TOut>.Paused(result.Message ?? "Het traject is gepauzeerd (Stopknop)."),
        _ => RequestResult<TOut>.Conflict(result.Message ?? "Dit is al afgehandeld."),
    };
}
