using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Expressions;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// What an activity sees while it runs: its inputs (evaluated), the instance's variables, the clock and
/// a way to send signals. One context is reused for every step of a pass, so a step allocates nothing
/// for it.
/// </summary>
public sealed class ActivityContext
{
    private readonly ExecutionState _state;
    private readonly WorkflowChanges _changes;
    private readonly IExpressionEvaluator _expressions;
    private readonly FactCatalog _facts;
    private IReadOnlyDictionary<string, object?>? _input;

    internal ActivityContext(ExecutionState state, WorkflowChanges changes, IExpressionEvaluator expressions, FactCatalog? facts = null)
    {
        _state = state;
        _changes = changes;
        _expressions = expressions;
        _facts = facts ?? FactCatalog.Open;
    }

    public Activity Activity { get; internal set; } = null!;
    public DateTimeOffset Now { get; internal set; }
    public Guid InstanceId => _state.Instance.Id;
    public string? CorrelationId => _state.Instance.CorrelationId;
    public IReadOnlyDictionary<string, object?> Variables => _state.Instance.Variables;
    public IReadOnlyDictionary<string, object?> WorkflowInput => _input ??= _state.Instance.ReadInput();

    /// <summary>The input's value: the literal, or the expression evaluated now and converted to <typeparamref name="T"/>.</summary>
    public T? Get<T>(Input<T>? input)
    {
        if (input is null) return default;
        if (input.Expression is not { } expression) return input.Literal;
        var scope = new ExpressionScope(Variables, WorkflowInput, Now, CorrelationId);
        return ValueConversion.To<T>(_expressions.Evaluate(expression, scope), expression.Source);
    }

    /// <summary>What the activity asks the flowchart to do with the instance's other waiting work, after it returns.</summary>
    internal HoldRequest Hold { get; private set; }

    /// <summary>
    /// Pauses every other step this instance (and its subflows) waits on: tasks cannot be completed, timers do not fire.
    /// Subflows of the flows in <paramref name="keepRunning"/> go on; one that ends meanwhile moves this instance on only after the release.
    /// </summary>
    public void HoldOtherWork(IReadOnlyCollection<string>? keepRunning = null) => (Hold, KeepRunning) = (HoldRequest.Hold, keepRunning);

    internal IReadOnlyCollection<string>? KeepRunning { get; private set; }

    /// <summary>Lifts the pause: held tasks open again, held timers that came due meanwhile fire now.</summary>
    public void ReleaseHeldWork() => Hold = HoldRequest.Release;

    /// <summary>Cancels the held work instead of resuming it (a change of route, or closing).</summary>
    public void CancelHeldWork() => Hold = HoldRequest.Cancel;

    /// <summary>Cancels every other step this instance waits on (tasks, timers, signals, subflows).</summary>
    public void CancelOtherWork() => Hold = HoldRequest.CancelOthers;

    /// <summary>Flows to start as independent instances on the same correlation when this activity returns.</summary>
    internal List<SubflowSpec> FlowsToStart { get; } = [];

    /// <summary>
    /// Starts another published flow as its own instance on this correlation, in this step's commit. Unlike a
    /// subflow it is not a child: it is not held, cancelled or waited for with this instance (a court measure
    /// runs on whatever the RVT route does).
    /// </summary>
    public void StartFlow(string definitionId, IReadOnlyDictionary<string, object?> input) => FlowsToStart.Add(new SubflowSpec(definitionId, input));

    internal void ResetHold()
    {
        (Hold, KeepRunning) = (HoldRequest.None, null);
        FlowsToStart.Clear();
    }

    /// <summary>
    /// Records a countable fact (a name and categorical dimensions, no content) with this step's commit. Only what the
    /// application declares (<see cref="FactCatalog"/>); <paramref name="fromTask"/>: the categories come from a task's own
    /// outcome and options, and what is not declared is left out rather than failing the task.
    /// </summary>
    public void RecordFact(string name, IReadOnlyDictionary<string, string>? dimensions = null, bool fromTask = false)
    {
        var (allowed, problem) = _facts.Check(name, dimensions ?? new Dictionary<string, string>(), fromTask);
        if (problem is not null) throw new ActivityFaultException($"{Activity.Id}: {problem}.");
        _changes.Facts.Add(Fact.Create(name, InstanceId, allowed!, Now));
    }

    public object? GetVariable(string name) => Variables.GetValueOrDefault(name);

    public void SetVariable(string name, object? value) => _state.Instance.Variables[name] = VariableValues.Normalize(value);

    /// <summary>
    /// Sends a named signal to the waiting bookmarks of one correlation id (default: this one): stored with this
    /// pass's commit, delivered right after it.
    /// </summary>
    public void SendSignal(string name, string? correlationId = null, IReadOnlyDictionary<string, object?>? payload = null) =>
        _changes.Signals.Add(SentSignal.Create(name, correlationId ?? CorrelationId, InstanceId, payload ?? new Dictionary<string, object?>(), Now));
}

internal enum HoldRequest { None, Hold, Release, Cancel, CancelOthers }

