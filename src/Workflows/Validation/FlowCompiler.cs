using System.Text.RegularExpressions;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Validation;

/// <summary>
/// Reads, validates and compiles a flow in one pass, so that what the validator accepts is exactly what
/// the runtime runs. Every problem is collected with its JSON path; nothing stops at the first error.
/// </summary>
public sealed partial class FlowCompiler(ActivityRegistry registry, IExpressionEvaluator expressions)
{
    private readonly TaskFormRules formRules = new(registry.FormRules);
    private readonly FactCatalog facts = new(registry.Facts);
    private readonly InputBinder _binder = new(expressions);

    public CompiledFlow Compile(string json, int version = 0)
    {
        var model = FlowJson.TryParse(json, out var parseError);
        return model is null ? new CompiledFlow(null, null, [parseError!]) : Compile(model, version);
    }

    public CompiledFlow Compile(WorkflowDefinitionModel model, int version = 0)
    {
        var errors = new List<FlowError>();
        if (string.IsNullOrWhiteSpace(model.Id)) errors.Add(new("$.id", "required: the flow needs an id"));
        else if (!IdPattern().IsMatch(model.Id)) errors.Add(new("$.id", $"'{model.Id}' may contain only letters, digits, '-' and '_'"));
        if (string.IsNullOrWhiteSpace(model.Name)) errors.Add(new("$.name", "required: the flow needs a name"));
        var defaults = CompileVariables(model, errors);
        var nodes = CompileActivities(model, errors);
        CompileConnections(model, nodes, errors);
        ScenarioChecks.Check(model, errors);
        FlowTextChecks.Check(model, registry.TextRules, errors);
        // With a broken activity or connection the shape is unknown: checking it would only add noise.
        var start = errors.Count == 0 ? GraphChecks.FindStart(model, nodes, errors) : null;
        if (start is not null)
        {
            GraphChecks.CheckReachable(model, nodes, start, errors);
            GraphChecks.CheckCycles(model, nodes, errors);
        }
        var graph = errors.Count == 0 && start is not null
            ? new WorkflowGraph(model.Id!, version, model.Name!, start, nodes, defaults)
            : null;
        return new CompiledFlow(model, graph, errors);
    }

    private static Dictionary<string, object?> CompileVariables(WorkflowDefinitionModel model, List<FlowError> errors)
    {
        var defaults = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < (model.Variables?.Count ?? 0); i++)
        {
            var variable = model.Variables![i];
            var path = $"$.variables[{i}]";
            if (string.IsNullOrWhiteSpace(variable.Name)) errors.Add(new(path + ".name", "required: a variable needs a name"));
            else if (!defaults.TryAdd(variable.Name, variable.Default is { } d ? VariableValues.FromJson(d) : null))
                errors.Add(new(path + ".name", $"variable '{variable.Name}' is declared twice"));
        }
        return defaults;
    }

    private Dictionary<string, FlowNode> CompileActivities(WorkflowDefinitionModel model, List<FlowError> errors)
    {
        var nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        if (model.Activities is not { Count: > 0 })
        {
            errors.Add(new("$.activities", "required: a flow needs at least one activity"));
            return nodes;
        }
        for (var i = 0; i < model.Activities.Count; i++)
        {
            var node = CompileActivity(model.Activities[i], $"$.activities[{i}]", errors);
            if (node is null) continue;
            if (!nodes.TryAdd(node.Id, node)) errors.Add(new($"$.activities[{i}].id", $"activity id '{node.Id}' is used twice"));
        }
        return nodes;
    }

    private FlowNode? CompileActivity(ActivityModel model, string path, List<FlowError> errors)
    {
        if (string.IsNullOrWhiteSpace(model.Id)) { errors.Add(new(path + ".id", "required: an activity needs an id")); return null; }
        if (string.IsNullOrWhiteSpace(model.Type)) { errors.Add(new(path + ".type", "required: an activity needs a type")); return null; }
        var descriptor = registry.Find(model.Type);
        if (descriptor is null)
        {
            errors.Add(new(path + ".type", $"unknown activity type '{model.Type}'; known types: {string.Join(", ", registry.All.Select(d => d.Type).Order())}"));
            return null;
        }
        var activity = descriptor.Factory();
        activity.Id = model.Id;
        activity.Type = descriptor.Type;
        activity.DisplayName = model.DisplayName;
        var given = model.Inputs ?? [];
        foreach (var (name, value) in given)
        {
            var input = descriptor.FindInput(name);
            if (input is null)
            {
                errors.Add(new($"{path}.inputs.{name}", $"activity type '{descriptor.Type}' has no input '{name}'; its inputs: {string.Join(", ", descriptor.Inputs.Select(x => x.Name))}"));
                continue;
            }
            var bound = _binder.Bind(input, value, $"{path}.inputs.{name}", errors);
            if (bound is Input<string> { IsExpression: false, Literal: var text } && input.Required && string.IsNullOrWhiteSpace(text))
                errors.Add(new($"{path}.inputs.{input.Name}", $"required input '{input.Name}' of '{descriptor.Type}' is empty"));
            if (bound is not null) input.Property.SetValue(activity, bound);
        }
        foreach (var input in descriptor.Inputs.Where(x => x.Required && x.Default is null))
            if (!given.Keys.Any(k => string.Equals(k, input.Name, StringComparison.OrdinalIgnoreCase)))
                errors.Add(new($"{path}.inputs.{input.Name}", $"required input '{input.Name}' of '{descriptor.Type}' is missing"));
        if (activity is IUsesFormRule { FormRuleName: { } rule } && !formRules.Contains(rule))
            errors.Add(new($"{path}.inputs.formRule", formRules.Names.Count == 0
                ? $"form rule '{rule}' is not known: this host registers no form rules"
                : $"form rule '{rule}' is not known; known rules: {string.Join(", ", formRules.Names.Order())}"));
        if (activity is ICountsFacts { FactName: { Length: > 0 } fact } counts && !facts.Declares(fact))
            errors.Add(new($"{path}.inputs.{counts.FactInput}",
                $"fact '{fact}' is not declared by this application; declared facts: {string.Join(", ", facts.Names.Order())}"));
        return new FlowNode(activity, descriptor);
    }

    private static void CompileConnections(WorkflowDefinitionModel model, Dictionary<string, FlowNode> nodes, List<FlowError> errors)
    {
        for (var i = 0; i < (model.Connections?.Count ?? 0); i++)
        {
            var connection = model.Connections![i];
            var path = $"$.connections[{i}]";
            var source = Resolve(connection.Source, path + ".source", nodes, errors);
            var target = Resolve(connection.Target, path + ".target", nodes, errors);
            if (source is null || target is null) continue;
            var outcome = string.IsNullOrWhiteSpace(connection.Outcome) ? Outcomes.Done : connection.Outcome;
            var known = OutcomeNames(source);
            if (known is not null && !known.Contains(outcome))
            {
                errors.Add(new(path + ".outcome", $"activity '{source.Id}' has no outcome '{outcome}'; its outcomes: {string.Join(", ", known)}"));
                continue;
            }
            source.Connect(outcome, target);
        }
    }

    /// <summary>The outcomes a node can take, or null when they come from an expression and cannot be known before it runs.</summary>
    internal static IReadOnlyList<string>? OutcomeNames(FlowNode node)
    {
        var descriptor = node.Descriptor;
        if (descriptor.OutcomesFromInput is not { } inputName) return descriptor.Outcomes;
        var input = descriptor.FindInput(inputName)!;
        var value = input.Property.GetValue(node.Activity);
        if (value is Input<IReadOnlyList<string>> { IsExpression: true }) return null;
        var dynamic = (value as Input<IReadOnlyList<string>>)?.Literal ?? [];
        return [.. descriptor.Outcomes, .. dynamic];
    }

    private static FlowNode? Resolve(string? id, string path, Dictionary<string, FlowNode> nodes, List<FlowError> errors)
    {
        if (string.IsNullOrWhiteSpace(id)) { errors.Add(new(path, "required: name an activity id")); return null; }
        if (nodes.TryGetValue(id, out var node)) return node;
        errors.Add(new(path, $"unknown activity '{id}'"));
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
