using System.Text.Json;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Components.Studio.Designer;

/// <summary>
/// The flow being designed, held in C#: the canvas reports the graph's shape (<see cref="Apply"/>), the
/// property panel edits inputs, and <see cref="ToJson"/> gives the flow file that is validated and saved.
/// The flow's name, description and variables are edited in the flow panel (<see cref="SetName"/>,
/// <see cref="SetVariables"/>), the regional settings' defaults beside it; the rest of the file (start, scenarios) is kept
/// as it was read.
/// </summary>
public sealed class DesignerDraft
{
    private readonly WorkflowDefinitionModel _flow;
    private readonly List<ActivityModel> _activities;
    private List<ConnectionModel> _connections;
    private List<VariableModel> _variables;
    private string? _name, _description, _start;
    // Activities removed on the canvas, by id: an undo brings the node back, and it must come back with its inputs.
    private readonly Dictionary<string, ActivityModel> _removed = new(StringComparer.Ordinal);

    private DesignerDraft(WorkflowDefinitionModel flow)
    {
        _flow = flow;
        _activities = [.. flow.Activities ?? []];
        _connections = [.. flow.Connections ?? []];
        _variables = [.. flow.Variables ?? []];
        (_name, _description, _start) = (flow.Name, flow.Description, flow.Start);
    }

    public static DesignerDraft From(JsonElement flow) =>
        new(FlowJson.TryParse(flow.GetRawText(), out _) ?? new WorkflowDefinitionModel());

    /// <summary>
    /// The draft as an earlier or later state of the flow file (undo, redo). Activities this draft knows and that state does not
    /// are remembered as removed, so a paste of a copied activity still finds its inputs.
    /// </summary>
    public DesignerDraft Restored(string json)
    {
        var restored = new DesignerDraft(FlowJson.TryParse(json, out _) ?? new WorkflowDefinitionModel());
        foreach (var (id, activity) in _removed) restored._removed.TryAdd(id, activity);
        foreach (var activity in _activities.Where(a => a.Id is not null && restored.Find(a.Id) is null))
            restored._removed[activity.Id!] = activity;
        return restored;
    }

    public string? Id => _flow.Id;
    public IReadOnlyList<ActivityModel> Activities => _activities;
    public IReadOnlyList<ConnectionModel> Connections => _connections;

    public ActivityModel? Find(string id) => _activities.FirstOrDefault(a => a.Id == id);

    public string? Name => _name;
    public string? Description => _description;
    public IReadOnlyList<VariableModel> Variables => _variables;

    /// <summary>The flow's name as the studio lists it (the engine refuses an empty one, with its path).</summary>
    public void SetName(string? name) => _name = name?.Trim();

    public void SetDescription(string? description) => _description = string.IsNullOrWhiteSpace(description) ? null : description;

    /// <summary>Replaces the variables (name, default, description) in the given order.</summary>
    public void SetVariables(IEnumerable<VariableModel> variables) => _variables = [.. variables];

    /// <summary>The variables the flow declares as regional settings, in the file's order.</summary>
    public IReadOnlyList<VariableModel> RegionalSettings => [.. _variables.Where(RegionalSetting.Is)];

    /// <summary>Sets a regional setting's default (a JSON literal). False when the flow has no such setting.</summary>
    public bool SetDefault(string variable, JsonElement value)
    {
        var index = _variables.FindIndex(v => v.Name == variable && RegionalSetting.Is(v));
        if (index < 0) return false;
        _variables[index] = _variables[index] with { Default = value.Clone() };
        return true;
    }

    /// <summary>Takes over what the canvas shows: added, removed and moved activities, and the connections. True when anything changed.</summary>
    public bool Apply(GraphSnapshot graph)
    {
        var before = ToJson();
        var shown = graph.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var gone in _activities.Where(a => a.Id is null || !shown.ContainsKey(a.Id)).ToList())
        {
            if (gone.Id is not null) _removed[gone.Id] = gone;
            _activities.Remove(gone);
        }
        foreach (var node in graph.Activities)
        {
            var position = new DesignerPosition(Math.Round(node.X), Math.Round(node.Y));
            var index = _activities.FindIndex(a => a.Id == node.Id);
            if (index >= 0) _activities[index] = _activities[index] with { Position = position };
            else _activities.Add(Arrived(node) with { Position = position });
        }
        // Connections keep the file's order where they survive, so the error paths ($.connections[i]) stay stable.
        var drawn = graph.Connections.Select(c => new FlowConnection(c.Source, c.Outcome, c.Target)).ToHashSet();
        var kept = _connections.Where(c => drawn.Contains(FlowConnection.Of(c))).ToList();
        var known = kept.Select(FlowConnection.Of).ToHashSet();
        kept.AddRange(graph.Connections.Where(c => known.Add(new FlowConnection(c.Source, c.Outcome, c.Target)))
            .Select(c => new ConnectionModel { Source = c.Source, Outcome = c.Outcome == "Done" ? null : c.Outcome, Target = c.Target }));
        _connections = kept;
        return ToJson() != before;
    }

    /// <summary>
    /// Renames an activity: its id, the connections from and to it, and the flow's start. The activity under its old id is
    /// kept as removed, so an undo on the canvas (which brings the old node back) brings its inputs back too.
    /// </summary>
    /// <returns>Why the new id cannot be used, or null when the activity was renamed.</returns>
    public string? Rename(string oldId, string newId)
    {
        if (string.IsNullOrWhiteSpace(newId) || !newId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return "Een id bestaat uit letters, cijfers, '-' en '_'.";
        if (newId == oldId) return null;
        if (Find(newId) is not null) return $"Er is al een activiteit met id '{newId}'.";
        var index = _activities.FindIndex(a => a.Id == oldId);
        if (index < 0) return $"Er is geen activiteit '{oldId}'.";
        _removed[oldId] = _activities[index];
        _activities[index] = _activities[index] with { Id = newId };
        _connections = [.. _connections.Select(c => c with { Source = c.Source == oldId ? newId : c.Source, Target = c.Target == oldId ? newId : c.Target })];
        if (_start == oldId) _start = newId;
        return null;
    }

    /// <summary>Sets the name shown on the canvas (empty: the type's own name).</summary>
    public void SetDisplayName(string id, string? name) =>
        Replace(id, a => a with { DisplayName = string.IsNullOrWhiteSpace(name) ? null : name });

    /// <summary>Sets one input to a JSON value (a literal or <c>{"expression": …}</c>), or removes it with null.</summary>
    public void SetInput(string id, string input, JsonElement? value) => Replace(id, a =>
    {
        var inputs = new Dictionary<string, JsonElement>(a.Inputs ?? [], StringComparer.Ordinal);
        var key = inputs.Keys.FirstOrDefault(k => string.Equals(k, input, StringComparison.OrdinalIgnoreCase)) ?? input;
        if (value is { } v) inputs[key] = v.Clone();
        else inputs.Remove(key);
        return a with { Inputs = inputs.Count == 0 ? null : inputs };
    });

    /// <summary>
    /// After a property edit: drops connections that leave by an outcome the activity no longer has (its outcome
    /// list was edited; kept when the list is an expression), and returns how the canvas should now show it.
    /// </summary>
    public CanvasActivity Redraw(string id, ActivityRegistry registry)
    {
        if (Find(id) is { } activity && CanvasModel.KnownOutcomes(activity, activity.Type is null ? null : registry.Find(activity.Type)) is { } outcomes)
            _connections = [.. _connections.Where(c => c.Source != id || outcomes.Contains(c.Outcome ?? "Done"))];
        return Look(id, registry);
    }

    /// <summary>The flow file as it stands, in the same form the store keeps.</summary>
    public string ToJson() => FlowJson.Serialize(_flow with
    {
        Name = _name,
        Description = _description,
        Start = _start,
        Activities = _activities,
        Connections = _connections,
        // A file without variables stays without them (an empty list would be written as one).
        Variables = _flow.Variables is null && _variables.Count == 0 ? null : _variables,
    });

    /// <summary>The canvas model of the flow as it stands (labels and ports from the descriptors).</summary>
    private CanvasActivity Look(string id, ActivityRegistry registry)
    {
        using var json = JsonDocument.Parse(ToJson());
        return CanvasModel.From(json.RootElement, registry).Activities.Single(a => a.Id == id);
    }

    private ActivityModel Arrived(GraphActivity node)
    {
        if (_removed.Remove(node.Id, out var returning)) return returning;
        var original = node.CopyOf is { } copied ? Find(copied) ?? _removed.GetValueOrDefault(copied) : null;
        return original is not null
            ? original with { Id = node.Id }
            : new ActivityModel { Id = node.Id, Type = node.Type };
    }

    private void Replace(string id, Func<ActivityModel, ActivityModel> change)
    {
        var index = _activities.FindIndex(a => a.Id == id);
        if (index >= 0) _activities[index] = change(_activities[index]);
    }
}
