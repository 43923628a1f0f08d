using ProcessEngine.Host.Api;
using ProcessEngine.Host.Features.Migrations;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.InstanceMigration;

namespace ProcessEngine.Host.Components.Studio.Migration;

/// <summary>
/// The plan a coordinator is putting together on the page: versions, a row per waiting activity of each source version,
/// variable mappings, and the engine's last verdict placed on what it names. The rows are built from the flows themselves,
/// not from the check, because a plan with a gap comes back as a 400 without any mapping, and the gap is exactly the row
/// the coordinator has to see.
/// </summary>
public sealed class MigrationDraft
{
    private readonly ActivityRegistry _registry;
    // What was sent, in order: the file's rules first, then the rows, so "activities[i]" is _sentRules[i] or _sent[i - _sentRules.Count].
    private List<FileRule> _sentRules = [];
    private List<MappingRow> _sent = [];
    private List<VariableRow> _sentVariables = [];

    public MigrationDraft(ActivityRegistry registry) => _registry = registry;

    public List<int> Sources { get; } = [];
    public int Target { get; set; }
    public List<MappingRow> Rows { get; private set; } = [];
    public List<VariableRow> Variables { get; } = [];
    /// <summary>Mappings from a plan file the table cannot show (a condition, or a step that lapses); read-only, sent before the rows.</summary>
    public List<FileRule> FileRules { get; } = [];
    /// <summary>Flows that move along with the trajecten (subflows, flows started under the casus code), each with its own plan.</summary>
    public List<ChildMigrationInput> Children { get; } = [];
    public CanvasModel? TargetFlow { get; private set; }

    /// <summary>The last check's field errors (empty when it passed).</summary>
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    /// <summary>What the last check said of the plan as a whole (its message), or null when it passed.</summary>
    public string? Verdict { get; private set; }

    /// <summary>Errors keyed by the plan's whole activity list that no row could be found for.</summary>
    public string? ActivitiesProblem { get; private set; }

    /// <summary>
    /// Rows for every waiting activity (a blocking activity or a join) of each chosen source version. A choice already made
    /// stays while the target still offers it; otherwise the target's activity with the same id and type is taken, as the engine does.
    /// </summary>
    public void Rebuild(IReadOnlyDictionary<int, CanvasModel> flows)
    {
        TargetFlow = flows.GetValueOrDefault(Target);
        var earlier = Rows.ToDictionary(r => r.Key);
        var rows = new List<MappingRow>();
        foreach (var version in Sources.Order())
        {
            if (!flows.TryGetValue(version, out var flow)) continue;
            foreach (var activity in flow.Activities.Where(IsWaiting).OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                var row = new MappingRow(version, activity, HasMoment(activity.Type));
                var options = Options(row);
                if (earlier.TryGetValue(row.Key, out var was) && was.Target is { } chosen && (chosen == Lapse || options.Any(o => o.Id == chosen)))
                    (row.Target, row.Due) = (chosen, was.Due);
                else
                    row.Target = options.FirstOrDefault(o => o.Id == activity.Id)?.Id;
                rows.Add(row);
            }
        }
        Rows = rows;
        Clear();
    }

    /// <summary>The choice that lets a waiting step lapse (its task is cancelled) instead of moving it; sent as a mapping without target.</summary>
    public const string Lapse = "(vervalt)";

    /// <summary>The target version's activities a row may go to: the same type only (the engine refuses any other).</summary>
    public IReadOnlyList<CanvasActivity> Options(MappingRow row) =>
        TargetFlow is null ? [] : [.. TargetFlow.Activities.Where(a => a.Type == row.Source.Type).OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>Forgets every choice (rows, file rules, variables, flows along), so a plan read from a file starts from the engine's defaults.</summary>
    public void Reset()
    {
        Rows = [];
        FileRules.Clear();
        Variables.Clear();
        Children.Clear();
    }

    /// <summary>
    /// The plan as the requests take it. Only rows that differ from what the engine would do by itself go as mappings (another
    /// target, or a recomputed moment), each for its own source version, so the engine's "Explicit" tells the two apart.
    /// The file's rules go first: the engine tries the mappings of one activity in order, so their conditions are tried
    /// before the row's choice, which then is the fallback. <paramref name="instances"/> narrows the plan to those trajecten.
    /// </summary>
    public MigrationInput ToInput(string? reason = null, IReadOnlyList<Guid>? instances = null)
    {
        _sentRules = [.. FileRules];
        _sent = [.. Rows.Where(r => r.Target is { } target && (target != r.Source.Id || r.Due != DueMoment.Keep))];
        // A variable line still without a name is being typed, not part of the plan yet.
        _sentVariables = [.. Variables.Where(v => !string.IsNullOrWhiteSpace(v.Name))];
        return new MigrationInput([.. Sources.Order()], Target,
            [.. _sentRules.Select(r => r.Mapping),
             .. _sent.Select(r => new ActivityMapping(r.Source.Id, r.Target == Lapse ? null : r.Target, r.Target == Lapse ? DueMoment.Keep : r.Due, r.SourceVersion))],
            [.. _sentVariables.Select(v => v.ToMapping())], instances is { Count: > 0 } ? instances : null, reason, Children.Count > 0 ? [.. Children] : null);
    }

    /// <summary>Takes the engine's verdict on the plan last made by <see cref="ToInput"/>; <paramref name="mappings"/> from a check that passed.</summary>
    public void Apply<T>(RequestResult<T> result, IReadOnlyList<EffectiveMapping>? mappings = null)
    {
        Clear();
        // A passing preview says nothing about the mapping: what the last check showed stays.
        if (mappings is not null || !result.Succeeded)
        {
            // A conditional plan (from the API) can give one activity several places; the first decides what the row shows.
            var effective = (mappings ?? []).GroupBy(m => $"{m.SourceVersion}:{m.Source}").ToDictionary(g => g.Key, g => g.First());
            foreach (var row in Rows) row.Explicit = effective.TryGetValue(row.Key, out var mapping) ? mapping.Explicit : null;
        }
        if (result.Succeeded) return;
        Verdict = result.Message;
        Errors = result.Errors ?? new Dictionary<string, string>();
        foreach (var (field, message) in Errors) Place(field, message);
    }

    /// <summary>An error on a field outside the mapping rows and the variables (a version, the reason, the selection).</summary>
    public string? Error(string field) => Errors.GetValueOrDefault(field);

    /// <summary>The errors on a field and its items ("sourceVersions", "sourceVersions[1]") as one text, or null.</summary>
    public string? ErrorsUnder(string field)
    {
        var found = Errors.Where(e => e.Key == field || e.Key.StartsWith(field + "[", StringComparison.Ordinal)).Select(e => e.Value).ToList();
        return found.Count == 0 ? null : string.Join(" ", found);
    }

    /// <summary>The errors of the plan of <see cref="Children"/>[<paramref name="index"/>] as one text, or null.</summary>
    public string? ChildErrors(int index)
    {
        var found = Errors.Where(e => e.Key.StartsWith($"children[{index}].", StringComparison.Ordinal)).Select(e => e.Value).ToList();
        return found.Count == 0 ? null : string.Join(" ", found);
    }

    /// <summary>Errors whose field this page shows nowhere else.</summary>
    public IEnumerable<string> Unplaced => Errors.Where(e => !Placed(e.Key)).Select(e => e.Value);

    private static bool Placed(string field) =>
        field.StartsWith("activities", StringComparison.Ordinal) || field.StartsWith("variables", StringComparison.Ordinal)
        || field.StartsWith("sourceVersions", StringComparison.Ordinal) || field.StartsWith("children", StringComparison.Ordinal)
        || field is "targetVersion" or "reason";

    private void Place(string field, string message)
    {
        if (field == "activities")
        {
            ActivitiesProblem = PlaceOnRows(message);
            return;
        }
        if (FieldIndex(field, "activities[") is { } r && r < _sentRules.Count) _sentRules[r].Problem = Join(_sentRules[r].Problem, message);
        else if (FieldIndex(field, "activities[") is { } a && a - _sentRules.Count < _sent.Count) _sent[a - _sentRules.Count].Problem = Join(_sent[a - _sentRules.Count].Problem, message);
        else if (FieldIndex(field, "variables[") is { } v && v < _sentVariables.Count) _sentVariables[v].Problem = Join(_sentVariables[v].Problem, message);
    }

    // The engine joins its messages about the activity list into one; each starts with "Activiteit '<id>' (<type>, versie <n>)".
    private string? PlaceOnRows(string joined)
    {
        var left = new List<string>();
        foreach (var part in joined.Split(" Activiteit '").Select((p, i) => i == 0 ? p : "Activiteit '" + p))
        {
            var row = Rows.FirstOrDefault(r => part.StartsWith($"Activiteit '{r.Source.Id}' (", StringComparison.Ordinal)
                && part.Contains($"versie {r.SourceVersion})", StringComparison.Ordinal));
            if (row is null) left.Add(part);
            else row.Problem = Join(row.Problem, part);
        }
        return left.Count == 0 ? null : string.Join(" ", left);
    }

    private static int? FieldIndex(string field, string prefix)
    {
        if (!field.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = field.IndexOf(']', prefix.Length);
        return end > 0 && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), out var index) ? index : null;
    }

    private static string Join(string? earlier, string message) => earlier is null ? message : earlier + " " + message;

    private void Clear()
    {
        (Errors, Verdict, ActivitiesProblem) = (new Dictionary<string, string>(), null, null);
        foreach (var row in Rows) row.Problem = null;
        foreach (var variable in Variables) variable.Problem = null;
        foreach (var rule in FileRules) rule.Problem = null;
    }

    private bool IsWaiting(CanvasActivity activity) => _registry.Find(activity.Type) is { } d && (d.IsBlocking || d.IsJoin);

    // A task's due moment and a timer's firing can be kept or computed again; a signal, a subflow or a join has no moment.
    private bool HasMoment(string type) => _registry.Find(type)?.Category is "Taken" or "Tijd";
}

/// <summary>One waiting activity of one source version and where the coordinator sends it.</summary>
public sealed class MappingRow(int sourceVersion, CanvasActivity source, bool hasMoment)
{
    public int SourceVersion { get; } = sourceVersion;
    public CanvasActivity Source { get; } = source;
    public bool HasMoment { get; } = hasMoment;
    public string? Target { get; set; }
    public DueMoment Due { get; set; }
    /// <summary>From the last check that passed: named in the plan (true) or matched by id (false).</summary>
    public bool? Explicit { get; set; }
    public string? Problem { get; set; }
    public string Key => $"{SourceVersion}:{Source.Id}";
}

/// <summary>One mapping from a plan file as it was read, with the engine's word on it.</summary>
public sealed class FileRule(ActivityMapping mapping)
{
    public ActivityMapping Mapping { get; } = mapping;
    public string? Problem { get; set; }
}

/// <summary>One variable mapping as it is being typed.</summary>
public sealed class VariableRow
{
    public string Name { get; set; } = "";
    public VariableAction Action { get; set; } = VariableAction.Rename;
    public string? To { get; set; }
    public string? Expression { get; set; }
    public string? Problem { get; set; }

    public VariableMapping ToMapping() => new(Name.Trim(), Action,
        Action == VariableAction.Rename ? To?.Trim() : null, Action == VariableAction.Set ? Expression : null);
}
