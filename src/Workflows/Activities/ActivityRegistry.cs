using ProcessEngine.Workflows.Forms;

namespace ProcessEngine.Workflows.Activities;

/// <summary>
/// What flows may use: the activity types by their type name, and the task form rules a HumanTask may
/// name (a library that ships activities ships the rules its forms need). Filled at start-up; read-only after.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, ActivityDescriptor> _byType = new(StringComparer.Ordinal);
    private readonly List<ITaskFormRule> _formRules = [];
    private readonly List<Validation.IFlowTextRule> _textRules = [];
    private readonly List<FactDeclaration> _facts = [];

    public ActivityRegistry Add<TActivity>() where TActivity : Activity, new() => Add(typeof(TActivity));

    public ActivityRegistry Add(Type activityType)
    {
        var descriptor = ActivityDescriber.Describe(activityType);
        if (!_byType.TryAdd(descriptor.Type, descriptor))
            throw new InvalidOperationException($"Two activity classes claim the type name '{descriptor.Type}'.");
        return this;
    }

    /// <summary>Adds every concrete activity class with an [Activity] attribute in the assembly of <typeparamref name="TMarker"/>.</summary>
    public ActivityRegistry AddFromAssemblyOf<TMarker>()
    {
        foreach (var type in typeof(TMarker).Assembly.GetTypes()
                     .Where(t => typeof(Activity).IsAssignableFrom(t) && !t.IsAbstract && t.IsDefined(typeof(ActivityAttribute), false)))
            Add(type);
        return this;
    }

    public ActivityRegistry AddFormRule(ITaskFormRule rule)
    {
        _formRules.Add(rule);
        return this;
    }

    public IReadOnlyList<ITaskFormRule> FormRules => _formRules;

    /// <summary>Adds a check on every text a flow shows (see <see cref="Validation.IFlowTextRule"/>).</summary>
    public ActivityRegistry AddTextRule(Validation.IFlowTextRule rule)
    {
        _textRules.Add(rule);
        return this;
    }

    public IReadOnlyList<Validation.IFlowTextRule> TextRules => _textRules;

    /// <summary>Declares the facts flows may record (see <see cref="FactCatalog"/>); without any, every fact is counted.</summary>
    public ActivityRegistry AddFacts(IEnumerable<FactDeclaration> facts)
    {
        _facts.AddRange(facts);
        return this;
    }

    public IReadOnlyList<FactDeclaration> Facts => _facts;

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);
    public IReadOnlyCollection<ActivityDescriptor> All => _byType.Values;
}
