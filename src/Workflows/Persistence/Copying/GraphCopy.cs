using System.Text.RegularExpressions;

namespace ProcessEngine.Workflows.Persistence.Copying;

/// <summary>
/// How one copy of an <see cref="InstanceGraph"/> differs from its original: fresh ids (every id of the
/// graph, also where it appears inside JSON state), another correlation id, and all moments moved by
/// one shift. Ids the graph does not own (none, in a captured graph) are left as they are.
/// </summary>
internal sealed partial class GraphCopy(string oldCorrelation, string newCorrelation, TimeSpan shift, IReadOnlyDictionary<string, int>? versions)
{
    private readonly Dictionary<Guid, Guid> _ids = [];

    public TimeSpan Shift { get; } = shift;

    /// <summary>Declares an id the graph owns, with the moment its copy is created (for time-ordered ids).</summary>
    public void Own(Guid id, DateTimeOffset createdAt) => _ids.TryAdd(id, Guid.CreateVersion7(createdAt + Shift));

    public Guid Id(Guid id) => _ids.GetValueOrDefault(id, id);
    public Guid? Id(Guid? id) => id is { } value ? Id(value) : null;
    public DateTimeOffset At(DateTimeOffset moment) => moment + Shift;
    public DateTimeOffset? At(DateTimeOffset? moment) => moment + Shift;
    /// <summary>The version of a flow in the database the copy goes to (the same flow may have another number there).</summary>
    public int Version(string definitionId, int version) => versions?.GetValueOrDefault(definitionId, version) ?? version;
    public string? Correlation(string? correlation) => correlation == oldCorrelation ? newCorrelation : correlation;

    /// <summary>JSON with the graph's ids and its correlation id replaced (moments inside JSON are not moved).</summary>
    public string Json(string json)
    {
        var text = GuidPattern().Replace(json, m => Guid.TryParse(m.Value, out var id) && _ids.TryGetValue(id, out var copy) ? copy.ToString() : m.Value);
        return oldCorrelation.Length == 0 ? text : text.Replace(oldCorrelation, newCorrelation, StringComparison.Ordinal);
    }

    public string? JsonOrNull(string? json) => json is null ? null : Json(json);

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();
}
