namespace ProcessEngine.Host.Api;

public enum OutcomeKind { Ok, Created, Invalid, NotFound, Forbidden, Conflict }

/// <summary>
/// What an application request gives back, independent of HTTP so the Blazor UI can use the same
/// requests: the value, or why not (errors per field, not found, not allowed, a conflict with someone
/// else's change). Endpoints turn it into a response with the helpers in <see cref="OutcomeHttp"/>.
/// </summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string>? Errors = null, string? Message = null)
{
    public bool Succeeded => Kind is OutcomeKind.Ok or OutcomeKind.Created;
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value);
    public static Outcome<T> Created(T value) => new(OutcomeKind.Created, value);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string> errors, string? message = null) => new(OutcomeKind.Invalid, default, errors, message ?? "De invoer is niet geldig.");
    public static Outcome<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string> { [field] = message });
    public static Outcome<T> NotFound(string message) => new(OutcomeKind.NotFound, default, Message: message);
    public static Outcome<T> Forbidden(string message = "Geen toegang.") => new(OutcomeKind.Forbidden, default, Message: message);
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, Message: message);

    public Outcome<TOther> As<TOther>() => Succeeded
        ? throw new InvalidOperationException("Only a failed outcome can change its value type.")
        : new(Kind, default, Errors, Message);
}

public static class OutcomeExtensions
{
    /// <summary>Field errors of a nested body object named by their full path ("inhoud.zorgen[0]").</summary>
    public static Outcome<T> Prefixed<T>(this Outcome<T> outcome, string prefix) => outcome.Errors is { Count: > 0 } errors
        ? outcome with { Errors = errors.ToDictionary(e => prefix + e.Key, e => e.Value) }
        : outcome;
}
