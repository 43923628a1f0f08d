using System.Text.Json;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// Works out how one instance moves under a resolved plan: its variables as the plan maps them, then for each thing it
/// waits on, the target activity asked what it would wait for now (its title, form, group and moment, computed on the
/// moved variables). The instance's objects are changed in place, so the caller hands it a loaded copy: the preview
/// throws the copy away, the run commits it. Nothing the instance did before is run again.
/// </summary>
internal sealed class InstanceMove
{
    private readonly ResolvedMigration _plan;
    private readonly IExpressionEvaluator _expressions;
    private readonly DateTimeOffset _now;
    /// <summary>The instance's start input, parsed once for all its expressions (a move is made for one instance).</summary>
    private IReadOnlyDictionary<string, object?>? _input;

    private InstanceMove(ResolvedMigration plan, IExpressionEvaluator expressions, DateTimeOffset now)
    {
        _plan = plan;
        _expressions = expressions;
        _now = now;
    }

    public List<(Bookmark Bookmark, string Target, string? Signal, DateTimeOffset? Due)> Bookmarks { get; } = [];
    public List<(UserTask Task, string Target, TaskSpec Spec, DateTimeOffset? Due, string? Assignee)> Tasks { get; } = [];
    public Dictionary<string, int> JoinTokens { get; } = [];
    /// <summary>Steps the plan lets lapse: cancelled with a journal line, their task annulled.</summary>
    public List<Bookmark> Cancelled { get; } = [];

    /// <summary>The impact, and (when it can move) the changes to apply; the instance's variables are already moved then.</summary>
    public static (InstanceImpact Impact, InstanceMove? Move) Plan(ResolvedMigration plan, IExpressionEvaluator expressions, DateTimeOffset now,
        WorkflowInstance instance, IReadOnlyList<Bookmark> bookmarks, IReadOnlyDictionary<Guid, UserTask> tasks)
    {
        var move = new InstanceMove(plan, expressions, now);
        InstanceImpact Impact(string? blocked, List<StepImpact> steps, List<VariableChange> variables) => new(instance.Id, instance.CorrelationId,
            instance.DefinitionVersion, plan.Target.Version, instance.Version, blocked, steps, variables);
        if (Refusal(plan, instance) is { } refused) return (Impact(refused, [], []), null);
        var steps = new List<StepImpact>();
        try
        {
            var variables = move.MoveVariables(instance);
            foreach (var bookmark in bookmarks.OrderBy(b => b.Id)) steps.Add(move.MoveBookmark(instance, bookmark, tasks));
            steps.AddRange(move.MoveJoins(instance));
            if (move.Cancelled.Count == bookmarks.Count && bookmarks.Count > 0)
                return (Impact("Na het verplaatsen zou het traject nergens meer op wachten; beëindig het liever.", steps, variables), null);
            var twice = steps.Where(s => s.ToActivity != Dropped && s.Kind != "samenkomst").GroupBy(s => s.ToActivity).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
                return (Impact($"Twee wachtende stappen komen op dezelfde activiteit '{twice.Key}'; wijs ze verschillende activiteiten toe.", steps, variables), null);
            return (Impact(null, steps, variables), move);
        }
        catch (MoveRefusedException why)
        {
            return (Impact(why.Message, steps, []), null);
        }
    }

    private static string? Refusal(ResolvedMigration plan, WorkflowInstance instance)
    {
        if (instance.DefinitionId != plan.Plan.DefinitionId) return $"Het traject loopt in flow '{instance.DefinitionId}', niet in '{plan.Plan.DefinitionId}'.";
        if (!plan.Sources.ContainsKey(instance.DefinitionVersion)) return $"Het traject loopt op versie {instance.DefinitionVersion}, die niet in het plan staat.";
        return instance.Status switch
        {
            WorkflowStatus.Faulted => $"Het traject staat in storing bij '{instance.FaultedActivityId}': los de storing eerst op (opnieuw proberen of annuleren).",
            WorkflowStatus.Finished or WorkflowStatus.Cancelled => "Het traject is al beëindigd.",
            _ => null,
        };
    }

    private List<VariableChange> MoveVariables(WorkflowInstance instance)
    {
        var variables = instance.Variables;
        var changes = new List<VariableChange>();
        foreach (var (name, value) in _plan.Target.VariableDefaults)
            if (!variables.ContainsKey(name))
            {
                variables[name] = value;
                changes.Add(new(name, "nieuw, met de standaardwaarde van de nieuwe versie"));
            }
        var mappings = _plan.Plan.VariableMappings;
        for (var i = 0; i < mappings.Count; i++)
        {
            var mapping = mappings[i];
            switch (mapping.Action)
            {
                case VariableAction.Rename:
                    if (variables.Remove(mapping.Name, out var value)) variables[mapping.To!] = value;
                    changes.Add(new(mapping.Name, $"hernoemd naar '{mapping.To}'"));
                    break;
                case VariableAction.Remove:
                    if (variables.Remove(mapping.Name)) changes.Add(new(mapping.Name, "verwijderd"));
                    break;
                case VariableAction.Set:
                    variables[mapping.Name] = Evaluate(instance, mapping, _plan.Setters[i]);
                    changes.Add(new(mapping.Name, "gezet met een expressie"));
                    break;
            }
        }
        return changes;
    }

    private object? Evaluate(WorkflowInstance instance, VariableMapping mapping, CompiledExpression expression)
    {
        try
        {
            var scope = Scope(instance);
            return VariableValues.Normalize(_expressions.Evaluate(expression, scope));
        }
        catch (ExpressionException error)
        {
            throw new MoveRefusedException($"De expressie voor variabele '{mapping.Name}' faalt voor dit traject: {error.Message}");
        }
    }

    private StepImpact MoveBookmark(WorkflowInstance instance, Bookmark bookmark, IReadOnlyDictionary<Guid, UserTask> tasks)
    {
        var placement = Choose(instance, bookmark.ActivityId);
        if (placement.Target is not { } target)
        {
            var dropped = bookmark.TaskId is { } droppedTask && tasks.TryGetValue(droppedTask, out var open) ? open : null;
            Cancelled.Add(bookmark);
            var from = _plan.Sources[instance.DefinitionVersion].Node(bookmark.ActivityId);
            return new StepImpact(Kind(bookmark.Kind), bookmark.ActivityId, Dropped, dropped is null ? bookmark.SignalName : Shown(from, dropped.Title), FromDue: bookmark.DueAt,
                Held: bookmark.IsHeld, Note: dropped is null ? "vervalt" : "vervalt: de taak wordt geannuleerd");
        }
        var asked = Ask(instance, target);
        var source = _plan.Sources[instance.DefinitionVersion].Node(bookmark.ActivityId);
        switch (bookmark.Kind)
        {
            case BookmarkKind.Task:
                var task = bookmark.TaskId is { } taskId && tasks.TryGetValue(taskId, out var found) ? found
                    : throw new MoveRefusedException($"De taak van '{bookmark.ActivityId}' is niet gevonden.");
                var spec = asked.Task!;
                var due = placement.Due == DueMoment.Recompute ? spec.DueAt?.ToUniversalTime() : task.DueAt;
                var assignee = placement.Holder == HolderChoice.Recompute ? spec.Assignee : task.Assignee ?? spec.Assignee;
                Tasks.Add((task, target.Id, spec, due, assignee));
                Bookmarks.Add((bookmark, target.Id, null, due));
                return new StepImpact("taak", bookmark.ActivityId, target.Id, Shown(source, task.Title), Shown(target, spec.Title), task.DueAt, due,
                    Holder(task.Assignee, task.CandidateGroup), Holder(assignee, spec.CandidateGroup),
                    FormChanged: !SameForm(task, spec), Held: bookmark.IsHeld);
            case BookmarkKind.Timer:
                var fires = placement.Due == DueMoment.Recompute ? asked.DueAt : bookmark.DueAt;
                Bookmarks.Add((bookmark, target.Id, null, fires));
                return new StepImpact("timer", bookmark.ActivityId, target.Id, FromDue: bookmark.DueAt, ToDue: fires, Held: bookmark.IsHeld,
                    Note: fires <= _now ? "valt direct na het verplaatsen af" : null);
            case BookmarkKind.Signal:
                Bookmarks.Add((bookmark, target.Id, asked.SignalName, null));
                return new StepImpact("signaal", bookmark.ActivityId, target.Id, bookmark.SignalName, asked.SignalName, Held: bookmark.IsHeld,
                    Note: bookmark.DeferredSignalJson is null ? null : "een signaal van tijdens de pauze blijft bewaard");
            default:
                var was = Ask(instance, source).Subflow?.DefinitionId;
                if (was != asked.Subflow?.DefinitionId)
                    throw new MoveRefusedException($"'{target.Id}' start een ander deelproces ('{asked.Subflow?.DefinitionId}') dan '{bookmark.ActivityId}' ('{was}').");
                Bookmarks.Add((bookmark, target.Id, null, null));
                return new StepImpact("deelproces", bookmark.ActivityId, target.Id, was, asked.Subflow?.DefinitionId, Held: bookmark.IsHeld,
                    Note: "het lopende deelproces blijft op zijn eigen versie");
        }
    }

    private IEnumerable<StepImpact> MoveJoins(WorkflowInstance instance)
    {
        foreach (var (joinId, arrived) in instance.State.JoinTokens.OrderBy(j => j.Key, StringComparer.Ordinal))
        {
            if (arrived == 0) continue;
            var target = Choose(instance, joinId).Target!;
            if (target.IncomingCount < arrived)
                throw new MoveRefusedException($"Samenkomst '{joinId}' heeft {arrived} takken binnen; '{target.Id}' wacht maar op {target.IncomingCount}.");
            JoinTokens[target.Id] = arrived;
            yield return new StepImpact("samenkomst", joinId, target.Id, Note: $"{arrived} van {target.IncomingCount} takken binnen");
        }
    }

    /// <summary>The first of the activity's places whose condition holds for this instance (on its moved variables).</summary>
    private Placement Choose(WorkflowInstance instance, string activityId)
    {
        if (!_plan.Placements.TryGetValue((instance.DefinitionVersion, activityId), out var placements))
            throw new MoveRefusedException($"Het traject wacht bij '{activityId}', waarvoor het plan geen plek heeft.");
        foreach (var placement in placements)
        {
            if (placement.When is not { } when) return placement;
            try
            {
                var scope = Scope(instance);
                if (ValueConversion.To<bool>(_expressions.Evaluate(when, scope), when.Source)) return placement;
            }
            catch (Exception error) when (error is ExpressionException or InvalidCastException or FormatException)
            {
                throw new MoveRefusedException($"De voorwaarde voor '{activityId}' faalt voor dit traject: {error.Message}");
            }
        }
        throw new MoveRefusedException($"Geen mapping van '{activityId}' past bij dit traject (geen voorwaarde is waar).");
    }

    private static string Kind(BookmarkKind kind) => kind switch
    {
        BookmarkKind.Task => "taak",
        BookmarkKind.Timer => "timer",
        BookmarkKind.Signal => "signaal",
        _ => "deelproces",
    };

    /// <summary>What a cancelled step's target reads as in the preview.</summary>
    public const string Dropped = "(vervalt)";

    /// <summary>What the activity would wait for if it ran now, on the moved variables (a blocking activity's Execute only describes its wait).</summary>
    private BookmarkRequest Ask(WorkflowInstance instance, FlowNode node)
    {
        var scratch = new ExecutionState(instance, _plan.Target, [], isNew: false);
        var context = new ActivityContext(scratch, new WorkflowChanges(), _expressions) { Activity = node.Activity, Now = _now };
        try
        {
            var result = node.Activity.ExecuteAsync(context).AsTask().GetAwaiter().GetResult();
            return result.Bookmark ?? throw new MoveRefusedException($"'{node.Id}' wacht nergens op als hij nu zou lopen.");
        }
        catch (Exception error) when (error is ExpressionException or ActivityFaultException or InvalidCastException or FormatException)
        {
            throw new MoveRefusedException($"'{node.Id}' kan voor dit traject niet worden berekend: {error.Message}");
        }
    }

    private ExpressionScope Scope(WorkflowInstance instance) => new(instance.Variables, _input ??= instance.ReadInput(), _now, instance.CorrelationId);

    /// <summary>A task's title, unless its activity computes it from the instance (it may hold casus content).</summary>
    private static string Shown(FlowNode node, string title) => node.Activity is ITitledActivity { TitleIsComputed: true } ? ComputedTitle : title;

    /// <summary>What the preview shows for a title computed from the instance's variables.</summary>
    public const string ComputedTitle = "(titel berekend uit het traject)";

    private static string? Holder(string? assignee, string? group) => assignee ?? (group is null ? null : $"groep {group}");

    private static bool SameForm(UserTask task, TaskSpec spec) =>
        task.FormJson == JsonSerializer.Serialize(spec.Form, VariableValues.JsonOptions)
        && task.OutcomesJson == JsonSerializer.Serialize(spec.Outcomes, VariableValues.JsonOptions);

    private sealed class MoveRefusedException(string message) : Exception(message);
}
