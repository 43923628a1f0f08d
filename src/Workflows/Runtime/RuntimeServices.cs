using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Forms;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>The engine's collaborators, grouped so a pass needs one reference.</summary>
public sealed class RuntimeServices(
    IWorkflowStore store,
    WorkflowGraphProvider graphs,
    IExpressionEvaluator expressions,
    ITimerScheduler timers,
    NotificationDispatcher notifications,
    TaskFormRules formRules,
    FactCatalog facts,
    TimeProvider clock,
    IEnumerable<ICommitParticipant> participants,
    ISignalOutbox signalOutbox)
{
    public IWorkflowStore Store { get; } = store;
    public WorkflowGraphProvider Graphs { get; } = graphs;
    public IExpressionEvaluator Expressions { get; } = expressions;
    public ITimerScheduler Timers { get; } = timers;
    public NotificationDispatcher Notifications { get; } = notifications;
    public TaskFormRules FormRules { get; } = formRules;
    /// <summary>The facts flows may record, with their dimensions and values.</summary>
    public FactCatalog Facts { get; } = facts;
    public TimeProvider Clock { get; } = clock;
    /// <summary>What commits with every pass that needs it (the host's prompt rows); none in the engine on its own.</summary>
    public IReadOnlyList<ICommitParticipant> Participants { get; } = [.. participants];
    /// <summary>The signals flows sent that are not delivered yet.</summary>
    public ISignalOutbox SignalOutbox { get; } = signalOutbox;
}
