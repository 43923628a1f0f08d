using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// One run-until-suspended step of the engine: it runs queued activities along their outcome connections
/// until every path waits or ends, for every instance it touches, collecting the changes that the store
/// then commits as one transaction. Token-based: each completed outcome sends a token down each of its
/// connections; a join runs when its tokens have arrived.
/// </summary>
internal sealed partial class ExecutionPass(RuntimeServices services)
{
    private readonly Dictionary<Guid, ExecutionState> _states = [];

    public WorkflowChanges Changes { get; } = new();
    private DateTimeOffset Now => services.Clock.GetUtcNow();

    public ExecutionState Track(ExecutionState state)
    {
        _states[state.Instance.Id] = state;
        return state;
    }

    public async Task<ExecutionState?> LoadAsync(Guid instanceId, CancellationToken ct)
    {
        if (_states.TryGetValue(instanceId, out var known)) return known;
        if (await services.Store.LoadInstanceAsync(instanceId, ct) is not var (instance, bookmarks)) return null;
        var graph = await services.Graphs.GetAsync(instance.DefinitionId, instance.DefinitionVersion, ct);
        return Track(new ExecutionState(instance, graph, [.. bookmarks], isNew: false));
    }

    public ExecutionState Start(WorkflowGraph graph, IReadOnlyDictionary<string, object?> input, string? correlationId,
        Guid? parentInstanceId = null, Guid? parentBookmarkId = null)
    {
        var instance = WorkflowInstance.Create(graph.DefinitionId, graph.Version, input, correlationId, Now, parentInstanceId, parentBookmarkId);
        foreach (var (name, value) in graph.VariableDefaults) instance.Variables[name] = value;
        var state = Track(new ExecutionState(instance, graph, [], isNew: true));
        state.Queue.Enqueue(new WorkItem(graph.Start, null));
        Changes.Notifications.Add(new InstanceStarted(instance.Id, graph.DefinitionId, graph.Version, correlationId));
        return state;
    }

    public async Task RunAsync(ExecutionState state, CancellationToken ct)
    {
        var instance = state.Instance;
        instance.MarkRunning(Now);
        var context = new ActivityContext(state, Changes, services.Expressions, services.Facts);
        while (instance.Status == WorkflowStatus.Running && state.Queue.TryDequeue(out var item))
        {
            var node = item.Node;
            context.Activity = node.Activity;
            context.ResetHold();
            var started = context.Now = Now;
            try
            {
                var result = item.Resume is null
                    ? await node.Activity.ExecuteAsync(context)
                    : await node.Activity.ResumeAsync(context, item.Resume);
                if (context.Hold != HoldRequest.None) await ApplyHoldAsync(state, node, context.Hold, context.KeepRunning, ct);
                foreach (var flow in context.FlowsToStart.ToList()) await StartIndependentAsync(state, flow, ct);
                await ApplyAsync(state, node, result, started, ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Fault(state, node, error, started);
                return;
            }
        }
        if (instance.Status != WorkflowStatus.Running) return;
        if (state.Bookmarks.Count == 0) await EndAsync(state, WorkflowStatus.Finished, ct);
        else instance.Suspend(Now);
    }

    private async Task ApplyAsync(ExecutionState state, FlowNode node, ActivityResult result, DateTimeOffset started, CancellationToken ct)
    {
        switch (result.Kind)
        {
            case ActivityResultKind.Completed:
                Journal(state, node, JournalEvent.Completed, result.Outcome ?? string.Join(",", result.Outcomes!), started);
                if (result.Outcome is { } outcome) TokenRouter.Route(state, node, outcome);
                else foreach (var each in result.Outcomes!) TokenRouter.Route(state, node, each);
                break;
            case ActivityResultKind.Suspended:
                await AddBookmarkAsync(state, node, result.Bookmark!, ct);
                Journal(state, node, JournalEvent.Suspended, null, started);
                break;
            case ActivityResultKind.FinishWorkflow:
                Journal(state, node, JournalEvent.Completed, "Finish", started);
                await EndAsync(state, WorkflowStatus.Finished, ct);
                break;
        }
    }

    private void Fault(ExecutionState state, FlowNode node, Exception error, DateTimeOffset started)
    {
        var instance = state.Instance;
        var incident = Incident.Create(instance.Id, node.Id, node.Activity.Type, error, Now);
        Changes.AddedIncidents.Add(incident);
        Journal(state, node, JournalEvent.Faulted, null, started, incident.Message);
        instance.Fault(node.Id, state.Queue.Select(w => w.Node.Id), Now);
        state.Queue.Clear();
        Changes.Notifications.Add(new InstanceFaulted(instance.Id, instance.DefinitionId, node.Id, incident.Id, incident.Message));
    }

    internal void Journal(ExecutionState state, FlowNode node, JournalEvent @event, string? outcome, DateTimeOffset started, string? message = null) =>
        Changes.Journal.Add(JournalEntry.Create(state.Instance.Id, state.Instance.NextJournalSequence(), node.Id, node.Activity.Type, @event, outcome, started, Now, message));

    /// <summary>Hands every touched instance to the change set, with the version each was loaded at.</summary>
    public WorkflowChanges Seal()
    {
        foreach (var state in _states.Values)
        {
            var expected = state.Instance.PrepareSave();
            if (state.IsNew) Changes.NewInstances.Add(state.Instance);
            else Changes.UpdatedInstances.Add((state.Instance, expected));
        }
        return Changes;
    }
}
