using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.InstanceMigration;

/// <summary>
/// Checks a migration plan against the flows it names and resolves it: the target must be published, every activity an
/// instance of a source version can wait in must land on a target activity of the same type, and every expression
/// must compile. Problems name the plan's field and the activity, so the studio can point at them.
/// </summary>
public sealed class MigrationPlanner(WorkflowGraphProvider graphs, IWorkflowDefinitionStore definitions, IExpressionEvaluator expressions)
{
    /// <summary>The resolved plan; throws <see cref="MigrationPlanException"/> with every problem found.</summary>
    public Task<ResolvedMigration> ResolveAsync(MigrationPlan plan, CancellationToken ct = default) => ResolveAsync(plan, repair: false, ct);

    /// <summary>
    /// A repair within one version (an operator moving or cancelling one waiting step): source and target are the same
    /// version, the one mapping given, every other activity staying where it is.
    /// </summary>
    public Task<ResolvedMigration> ResolveRepairAsync(string definitionId, int version, ActivityMapping step, CancellationToken ct = default) =>
        ResolveAsync(new MigrationPlan(definitionId, [version], version, [step]), repair: true, ct);

    private async Task<ResolvedMigration> ResolveAsync(MigrationPlan plan, bool repair, CancellationToken ct)
    {
        var problems = new List<MigrationProblem>();
        var target = await GraphAsync(plan.DefinitionId, plan.TargetVersion, "targetVersion", problems, mustBePublished: true, ct);
        var sources = new Dictionary<int, WorkflowGraph>();
        if (plan.SourceVersions.Count == 0) problems.Add(new("sourceVersions", "Kies minstens één versie om trajecten van te verplaatsen."));
        for (var i = 0; i < plan.SourceVersions.Count; i++)
        {
            var version = plan.SourceVersions[i];
            if (version == plan.TargetVersion && !repair)
                problems.Add(new($"sourceVersions[{i}]", $"Versie {version} is ook de doelversie."));
            else if (await GraphAsync(plan.DefinitionId, version, $"sourceVersions[{i}]", problems, mustBePublished: false, ct) is { } graph)
                sources[version] = graph;
        }
        var setters = CompileSetters(plan, problems);
        if (target is null) throw new MigrationPlanException(problems);
        var placements = Place(plan, target, sources, problems);
        if (problems.Count > 0) throw new MigrationPlanException(problems);
        return new ResolvedMigration(plan, target, sources, placements, setters);
    }

    /// <summary>The problems of a plan; empty when it can run.</summary>
    public async Task<IReadOnlyList<MigrationProblem>> CheckAsync(MigrationPlan plan, CancellationToken ct = default)
    {
        try
        {
            await ResolveAsync(plan, ct);
            return [];
        }
        catch (MigrationPlanException invalid)
        {
            return invalid.Problems;
        }
    }

    private async Task<WorkflowGraph?> GraphAsync(string definitionId, int version, string field, List<MigrationProblem> problems,
        bool mustBePublished, CancellationToken ct)
    {
        var record = await definitions.FindAsync(definitionId, version, ct);
        if (record is null)
        {
            problems.Add(new(field, $"Flow '{definitionId}' heeft geen versie {version}."));
            return null;
        }
        if (mustBePublished && !record.IsPublished)
        {
            problems.Add(new(field, $"Versie {version} van '{definitionId}' is nog niet gepubliceerd; publiceer hem voordat er trajecten naartoe gaan."));
            return null;
        }
        return await graphs.GetAsync(definitionId, version, ct);
    }

    private Dictionary<(int, string), IReadOnlyList<Placement>> Place(MigrationPlan plan, WorkflowGraph target,
        IReadOnlyDictionary<int, WorkflowGraph> sources, List<MigrationProblem> problems)
    {
        var placements = new Dictionary<(int, string), List<Placement>>();
        for (var i = 0; i < plan.ActivityMappings.Count; i++)
        {
            var mapping = plan.ActivityMappings[i];
            var field = $"activities[{i}]";
            FlowNode? to = null;
            if (mapping.Target is not null && !target.Nodes.TryGetValue(mapping.Target, out to))
            {
                problems.Add(new($"{field}.target", $"Versie {target.Version} heeft geen activiteit '{mapping.Target}'.", mapping.Source));
                continue;
            }
            var when = Condition(mapping, field, problems);
            var versions = mapping.SourceVersion is { } only ? sources.Keys.Where(v => v == only).ToList() : [.. sources.Keys];
            var found = false;
            foreach (var version in versions)
            {
                if (!sources[version].Nodes.TryGetValue(mapping.Source ?? "", out var from)) continue;
                found = true;
                var list = placements.TryGetValue((version, from.Id), out var known) ? known : placements[(version, from.Id)] = [];
                if (!IsWaiting(from))
                    problems.Add(new($"{field}.source", $"'{mapping.Source}' (versie {version}) is geen activiteit waarin een traject wacht.", mapping.Source, version));
                else if (Incompatible(from, to, mapping.Due) is { } why)
                    problems.Add(new(field, $"'{mapping.Source}' (versie {version}) kan niet naar '{mapping.Target ?? "vervallen"}': {why}", mapping.Source, version));
                else if (list.Count > 0 && list[^1].When is null)
                    problems.Add(new($"{field}.source", $"'{mapping.Source}' (versie {version}) heeft al een mapping zonder voorwaarde; deze komt nooit aan de beurt.", mapping.Source, version));
                else
                    list.Add(new Placement(to, mapping.Due, Explicit: true, when, mapping.Holder));
            }
            if (!found)
                problems.Add(new($"{field}.source", $"Geen van de gekozen versies heeft een activiteit '{mapping.Source}'.", mapping.Source));
        }
        foreach (var (version, source) in sources.OrderBy(s => s.Key))
            foreach (var node in source.Nodes.Values.Where(IsWaiting).OrderBy(n => n.Id, StringComparer.Ordinal))
            {
                var list = placements.TryGetValue((version, node.Id), out var known) ? known : placements[(version, node.Id)] = [];
                if (list.Count > 0 && list[^1].When is null) continue;
                if (target.Nodes.TryGetValue(node.Id, out var same) && Incompatible(node, same, DueMoment.Keep) is null)
                    list.Add(new Placement(same, DueMoment.Keep, Explicit: false));
                else if (list.Count == 0)
                    problems.Add(new("activities", $"Activiteit '{node.Id}' ({node.Activity.Type}, versie {version}) kan een wachtende stap hebben, " +
                        $"maar versie {target.Version} heeft geen activiteit met die naam en dat type: wijs er een activiteit voor aan.", node.Id, version));
            }
        return placements.ToDictionary(p => p.Key, p => (IReadOnlyList<Placement>)p.Value);
    }

    private CompiledExpression? Condition(ActivityMapping mapping, string field, List<MigrationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(mapping.When)) return null;
        try
        {
            return expressions.Compile(mapping.When);
        }
        catch (ExpressionException error)
        {
            problems.Add(new($"{field}.when", $"De voorwaarde voor '{mapping.Source}' klopt niet: {error.Message}", mapping.Source));
            return null;
        }
    }

    private static bool IsWaiting(FlowNode node) => node.Activity is IBlockingActivity or IJoinActivity;

    private static string? Incompatible(FlowNode from, FlowNode? to, DueMoment due)
    {
        if (to is null)
            return from.Activity is IJoinActivity ? "een samenkomst is geen stap die kan vervallen." : null;
        if (from.Activity.Type != to.Activity.Type) return $"een {from.Activity.Type} kan alleen naar een {from.Activity.Type}, niet naar een {to.Activity.Type}.";
        if (due == DueMoment.Recompute && from.Activity is IJoinActivity) return "een samenkomst heeft geen moment om opnieuw te berekenen.";
        return null;
    }

    private Dictionary<int, CompiledExpression> CompileSetters(MigrationPlan plan, List<MigrationProblem> problems)
    {
        var setters = new Dictionary<int, CompiledExpression>();
        for (var i = 0; i < plan.VariableMappings.Count; i++)
        {
            var mapping = plan.VariableMappings[i];
            var field = $"variables[{i}]";
            if (string.IsNullOrWhiteSpace(mapping.Name)) problems.Add(new($"{field}.name", "Geef de naam van de variabele."));
            switch (mapping.Action)
            {
                case VariableAction.Rename when string.IsNullOrWhiteSpace(mapping.To):
                    problems.Add(new($"{field}.to", $"Geef de nieuwe naam van '{mapping.Name}'."));
                    break;
                case VariableAction.Set when string.IsNullOrWhiteSpace(mapping.Expression):
                    problems.Add(new($"{field}.expression", $"Geef de expressie die '{mapping.Name}' zet."));
                    break;
                case VariableAction.Set:
                    try
                    {
                        setters[i] = expressions.Compile(mapping.Expression!);
                    }
                    catch (ExpressionException error)
                    {
                        problems.Add(new($"{field}.expression", $"De expressie voor '{mapping.Name}' klopt niet: {error.Message}"));
                    }
                    break;
            }
        }
        return setters;
    }
}
