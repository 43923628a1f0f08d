namespace ProcessEngine.Workflows.Forms;

/// <summary>The form rules of the activity registry: every unnamed rule runs on every form, a named one where a flow asks for it.</summary>
public sealed class TaskFormRules
{
    private readonly List<ITaskFormRule> _global;
    private readonly Dictionary<string, ITaskFormRule> _named;

    public TaskFormRules(IEnumerable<ITaskFormRule> rules)
    {
        var all = rules.ToList();
        _global = all.Where(r => r.Name is null).ToList();
        _named = new Dictionary<string, ITaskFormRule>(StringComparer.Ordinal);
        foreach (var rule in all.Where(r => r.Name is not null))
            if (!_named.TryAdd(rule.Name!, rule))
                throw new InvalidOperationException($"Two task form rules are named '{rule.Name}'.");
    }

    public IReadOnlyCollection<string> Names => _named.Keys;

    public IEnumerable<ITaskFormRule> Named => _named.Values;

    public bool Contains(string name) => _named.ContainsKey(name);

    public Dictionary<string, string> Check(TaskFormSubmission submission, string? ruleName)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in _global) rule.Check(submission, errors);
        if (ruleName is not null)
        {
            // A published flow naming a rule the host no longer has must not let forms through unchecked.
            if (!_named.TryGetValue(ruleName, out var rule))
                throw new InvalidOperationException($"Task form rule '{ruleName}' is not registered in this host.");
            rule.Check(submission, errors);
        }
        return errors;
    }
}
