namespace ProcessEngine.Workflows.Runtime;

/// <summary>One instance inside a pass: the instance, its compiled flow, its live bookmarks and the work still queued.</summary>
internal sealed class ExecutionState(WorkflowInstance instance, WorkflowGraph graph, List<Bookmark> bookmarks, bool isNew)
{
    public WorkflowInstance Instance { get; } = instance;
    public WorkflowGraph Graph { get; } = graph;
    public List<Bookmark> Bookmarks { get; } = bookmarks;
    public bool IsNew { get; } = isNew;
    public Queue<WorkItem> Queue { get; } = new();
}

internal readonly record struct WorkItem(FlowNode Node, ResumeInput? Resume);
