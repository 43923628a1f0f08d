namespace ProcessEngine.Host.Api;

/// <summary>
/// Why a request succeeded or not. <see cref="Paused"/> is its own kind, not a conflict with a message to search:
/// the traject is on hold (Stopknop), so a screen can say so and an endpoint answers 409 with its own problem type.
/// </summary>
public enum ResultKind { Ok, Created, Invalid, NotFound, Forbidden, Conflict, Paused }

/// <summary>
/// What an application request gives back, independent of HTTP so the Blazor UI can use the same
/// requests: the value, or why not (errors per field, not found, not allowed, a conflict with someone
/// else's change). Endpoints turn it into a response with the helpers in <see cref="ResultHttp"/>.
/// </summary>
public sealed record RequestResult<T>(ResultKind Kind, T? Value, IReadOnlyDictionary<string, string>? Errors = null, string? Message = null)
    : IRequestResult<RequestResult<T>>
{
    object? IRequestResult.Value => Value;
    static RequestResult<T> IRequestResult<RequestResult<T>>.Refused(ResultKind kind, string message) => new(kind, default, Message: message);

    public bool Succeeded => Kind is ResultKind.Ok or ResultKind.Created;
    public static RequestResult<T> Ok(T value) => new(ResultKind.Ok, value);
    public static RequestResult<T> Created(T value) => new(ResultKind.Created, value);
    public static RequestResult<T> Invalid(IReadOnlyDictionary<string, string> errors, string? message = null) => new(ResultKind.Invalid, default, errors, message ?? "De invoer is niet geldig.");
    public static RequestResult<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
    public static RequestResult<T> NotFound(string message) => new(ResultKind.NotFound, default, Message: message);
    public static RequestResult<T> Forbidden(string message = "Geen toegang.") => new(ResultKind.Forbidden, default, Message: message);
    public static RequestResult<T> Conflict(string message) => new(ResultKind.Conflict, default, Message: message);
    public static RequestResult<T> Paused(string message) => new(ResultKind.Paused, default, Message: message);

    public RequestResult<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failed outcome can change its value type.")
        : new(Kind, default, Errors, Message);
}

/// <summary>What a pipeline behaviour needs of any request's result without knowing its value type.</summary>
public interface IRequestResult
{
    ResultKind Kind { get; }
    bool Succeeded { get; }
    object? Value { get; }
}

/// <summary>A result type that a pipeline behaviour can make a refusal of (not found, forbidden) before the handler runs.</summary>
public interface IRequestResult<TSelf> : IRequestResult where TSelf : IRequestResult<TSelf>
{
    static abstract TSelf Refused(ResultKind kind, string message);
}

public static class RequestResultExtensions
{
    /// <summary>Field errors of a nested body object named by their full path ("inhoud.zorgen[0]").</summary>
    public static RequestResult<T> Prefixed<T>(this RequestResult<T> outcome, string prefix) => outcome.Errors is { Count: > 0 } errors
        ? outcome with { Errors = errors.ToDictionary(e => prefix + e.Key, e => e.Value) }
        : outcome;
}
