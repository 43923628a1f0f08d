namespace ProcessEngine.Rvt.Application;

public enum DomainOutcome { Ok, Invalid, NotFound, Conflict }

/// <summary>
/// The result of a domain request: the value, or why not — per-field messages (for a 400 naming each
/// field), not found, or a conflict with someone else's change (409). Nothing throws for these.
/// </summary>
public sealed record DomainResult<T>(DomainOutcome Outcome, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Outcome == DomainOutcome.Ok;
    public static DomainResult<T> Ok(T value) => new(DomainOutcome.Ok, value, NoErrors, null);
    public static DomainResult<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(DomainOutcome.Invalid, default, errors, "De invoer is niet geldig.");
    public static DomainResult<T> NotFound(string message) => new(DomainOutcome.NotFound, default, NoErrors, message);
    public static DomainResult<T> Conflict(string message) => new(DomainOutcome.Conflict, default, NoErrors, message);
}
