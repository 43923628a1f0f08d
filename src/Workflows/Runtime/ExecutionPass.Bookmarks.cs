using ProcessEngine.Workflows.Notifications;

namespace ProcessEngine.Workflows.Runtime;

internal sealed partial class ExecutionPass
{
    private async Task AddBookmarkAsync(ExecutionState state, FlowNode node, BookmarkRequest request, CancellationToken ct)
    {
        // Resolve the child flow before anything changes, so a missing flow faults the activity cleanly.
        var childGraph = request.Subflow is { } sub ? await services.Graphs.GetLiveAsync(sub.DefinitionId, ct) : null;
        var bookmark = Bookmark.Create(state.Instance, node.Id, request, Now);
        state.Bookmarks.Add(bookmark);
        Changes.AddedBookmarks.Add(bookmark);
        switch (request.Kind)
        {
            case BookmarkKind.Task:
                var task = UserTask.Create(state.Instance, bookmark, request.Task!, Now);
                bookmark.LinkTask(task.Id);
                Changes.AddedTasks.Add(task);
                Changes.Notifications.Add(new TaskCreated(task.Id, task.InstanceId, task.Title, task.Assignee, task.CandidateGroup, task.DueAt, task.CorrelationId));
                break;
            case BookmarkKind.Subflow:
                await StartSubflowAsync(state, bookmark, childGraph!, request.Subflow!, ct);
                break;
        }
    }

    /// <summary>
    /// Starts the child in this same pass, so parent and child commit together: a crash can never leave
    /// a parent waiting on a child that was not created.
    /// </summary>
    private async Task StartSubflowAsync(ExecutionState parent, Bookmark bookmark, WorkflowGraph graph, SubflowSpec spec, CancellationToken ct)
    {
        var child = Start(graph, spec.Input, parent.Instance.CorrelationId, parent.Instance.Id, bookmark.Id);
        bookmark.LinkChild(child.Instance.Id);
        await RunAsync(child, ct);
    }

    private async Task StartIndependentAsync(ExecutionState starter, SubflowSpec spec, CancellationToken ct)
    {
        var graph = await services.Graphs.GetLiveAsync(spec.DefinitionId, ct);
        await RunAsync(Start(graph, spec.Input, starter.Instance.CorrelationId), ct);
    }

    /// <summary>Consumes a bookmark: it leaves the instance's live set now and the store deletes it on commit.</summary>
    public void Resume(ExecutionState state, Bookmark bookmark, ResumeInput resume)
    {
        var live = state.Bookmarks.Find(b => b.Id == bookmark.Id)
            ?? throw new InvalidOperationException($"Bookmark {bookmark.Id} is not live on instance {state.Instance.Id}.");
        state.Bookmarks.Remove(live);
        Changes.RemovedBookmarks.Add(live);
        Changes.UpdatedBookmarks.Remove(live);
        state.Queue.Enqueue(new WorkItem(state.Graph.Node(live.ActivityId), resume));
    }

    /// <summary>Ends an instance: cancels what it still waits on (tasks, children) and resumes its parent.</summary>
    public async Task EndAsync(ExecutionState state, WorkflowStatus final, CancellationToken ct)
    {
        state.Queue.Clear();
        foreach (var bookmark in state.Bookmarks.ToList()) await CancelBookmarkAsync(state, bookmark, ct);
        state.Instance.Finish(Now, final);
        var instance = state.Instance;
        Changes.Notifications.Add(new InstanceFinished(instance.Id, instance.DefinitionId, instance.CorrelationId, final));
        if (final == WorkflowStatus.Finished && instance.ParentInstanceId is { } parentId) await ResumeParentAsync(instance, parentId, ct);
    }

    internal async Task CancelBookmarkAsync(ExecutionState state, Bookmark bookmark, CancellationToken ct)
    {
        state.Bookmarks.Remove(bookmark);
        Changes.RemovedBookmarks.Add(bookmark);
        Changes.UpdatedBookmarks.Remove(bookmark);
        Journal(state, state.Graph.Node(bookmark.ActivityId), JournalEvent.Cancelled, null, Now);
        if (bookmark.TaskId is { } taskId && await TaskAsync(taskId, ct) is { Status: UserTaskStatus.Open or UserTaskStatus.OnHold } task)
            ChangeTask(task, t => t.Cancel(Now));
        if (bookmark.ChildInstanceId is { } childId && await LoadAsync(childId, ct) is { Instance.IsActive: true } child)
            await EndAsync(child, WorkflowStatus.Cancelled, ct);
    }

    private async Task ResumeParentAsync(WorkflowInstance child, Guid parentId, CancellationToken ct)
    {
        var parent = await LoadAsync(parentId, ct);
        var bookmark = parent?.Bookmarks.Find(b => b.Id == child.ParentBookmarkId);
        if (parent is null || bookmark is null || !parent.Instance.IsActive) return;
        // A subflow kept running through a hold that ended meanwhile waits, like a signal, for the release.
        if (parent.Instance.State.KeptRunning.Remove(bookmark.Id) && parent.Bookmarks.Any(b => b.IsHeld))
        { bookmark.DeferUntilRelease(child.Variables); MarkUpdated(bookmark); return; }
        Resume(parent, bookmark, new ResumeInput(BookmarkKind.Subflow) { Data = new Dictionary<string, object?>(child.Variables) });
        // A parent that is itself running in this pass picks the resume up from its queue; otherwise run it now.
        if (parent.Instance.Status != WorkflowStatus.Running) await RunAsync(parent, ct);
    }
}
