namespace ProcessEngine.Host.Components.Work;

/// <summary>The task API's 400 answer split for the form: "data.&lt;field&gt;" beside its field, the rest (outcome, request) above it.</summary>
public static class TaskFormErrors
{
    private const string FieldPrefix = "data.";

    public static IReadOnlyDictionary<string, string> PerField(IReadOnlyDictionary<string, string>? errors) =>
        (errors ?? new Dictionary<string, string>()).Where(e => e.Key.StartsWith(FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key[FieldPrefix.Length..], e => e.Value, StringComparer.Ordinal);

    public static string? General(IReadOnlyDictionary<string, string>? errors)
    {
        var general = (errors ?? new Dictionary<string, string>()).Where(e => !e.Key.StartsWith(FieldPrefix, StringComparison.Ordinal))
            .Select(e => e.Value).ToList();
        return general.Count == 0 ? null : string.Join(" ", general);
    }
}
