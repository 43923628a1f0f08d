namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// A fact an application lets its flows count, with the dimensions it may carry and each dimension's allowed values.
/// Facts outlive retention, so nothing but a declared category may ever be stored in one.
/// </summary>
/// <param name="Dimensions">Per dimension its allowed values; null: the categories a task defines itself (its outcomes and
/// its choice options), which only a task's <c>countAs</c> records.</param>
public sealed record FactDeclaration(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>?> Dimensions);

/// <summary>An activity that records a fact under a name the flow gives literally (checked against the catalogue when a flow is saved).</summary>
public interface ICountsFacts
{
    string? FactName { get; }
    /// <summary>The input that names the fact, for an error's JSON path.</summary>
    string FactInput { get; }
}

/// <summary>
/// The facts flows may record. Empty (the engine on its own): any name and category is counted. Once an application
/// declares facts, recording an undeclared fact, dimension or value fails the step, with a message that names the fact and
/// the dimension but never the value; a task's countAs keeps only the declared dimensions and counts an answer outside a
/// declared set as <see cref="Other"/>, so a professional's completion never fails on a count.
/// </summary>
public sealed class FactCatalog
{
    public const string Other = "overig";
    private readonly Dictionary<string, FactDeclaration> _facts = new(StringComparer.Ordinal);

    public FactCatalog(IEnumerable<FactDeclaration> facts)
    {
        foreach (var fact in facts) _facts[fact.Name] = fact;
    }

    public static FactCatalog Open { get; } = new([]);

    public bool IsOpen => _facts.Count == 0;
    public IReadOnlyCollection<string> Names => _facts.Keys;
    public bool Declares(string name) => IsOpen || _facts.ContainsKey(name);

    /// <summary>The dimensions to store for a fact, or why it may not be recorded (naming no value).</summary>
    public (IReadOnlyDictionary<string, string>? Allowed, string? Problem) Check(string name, IReadOnlyDictionary<string, string> dimensions,
        bool fromTask)
    {
        if (IsOpen) return (dimensions, null);
        if (!_facts.TryGetValue(name, out var declared)) return (null, $"fact '{name}' is not declared by this application");
        var allowed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dimension, value) in dimensions)
        {
            if (!declared.Dimensions.TryGetValue(dimension, out var values))
            {
                if (fromTask) continue;
                return (null, $"dimension '{dimension}' is not declared for fact '{name}'");
            }
            if (values is null && !fromTask) return (null, $"dimension '{dimension}' of fact '{name}' takes only a task's own outcome or options");
            if (values is null || values.Contains(value, StringComparer.Ordinal)) allowed[dimension] = value;
            else if (fromTask) allowed[dimension] = Other;
            else return (null, $"a value of dimension '{dimension}' of fact '{name}' is not one of its declared values");
        }
        return (allowed, null);
    }
}
