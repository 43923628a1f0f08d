namespace ProcessEngine.Workflows.Runtime;

/// <summary>
/// Holding a traject (the Stopknop): its waiting steps are kept, not lost, but cannot go on until the
/// hold is released or cancelled. The hold reaches into subflows, so a child cannot finish (and so move
/// its parent on) while the traject is paused, except the subflows the hold keeps running: their end waits for the release.
/// </summary>
internal sealed partial class ExecutionPass
{
    private async Task ApplyHoldAsync(ExecutionState state, FlowNode node, HoldRequest request, IReadOnlyCollection<string>? keep, CancellationToken ct)
    {
        var kept = state.Instance.State.KeptRunning;
        switch (request)
        {
            case HoldRequest.Hold:
                await HoldAsync(state, keep, ct);
                Journal(state, node, JournalEvent.Held, null, Now);
                break;
            case HoldRequest.Release:
                await ReleaseAsync(state, ct);
                kept.Clear();
                Journal(state, node, JournalEvent.Released, null, Now);
                break;
            case HoldRequest.Cancel:
                // What was kept running belongs to the route that is stopped, as much as what was held.
                foreach (var held in state.Bookmarks.Where(b => b.IsHeld || kept.Contains(b.Id)).ToList()) await CancelBookmarkAsync(state, held, ct);
                kept.Clear();
                // Branches that were cancelled will never reach their joins: forget their tokens, or a
                // later pass through the same join would go on after only some of its branches.
                state.Instance.State.JoinTokens.Clear();
                break;
            case HoldRequest.CancelOthers:
                foreach (var other in state.Bookmarks.ToList()) await CancelBookmarkAsync(state, other, ct);
                state.Instance.State.JoinTokens.Clear();
                break;
        }
    }

    private async Task HoldAsync(ExecutionState state, IReadOnlyCollection<string>? keep, CancellationToken ct)
    {
        foreach (var bookmark in state.Bookmarks.Where(b => !b.IsHeld).ToList())
        {
            if (keep is { Count: > 0 } && bookmark.ChildInstanceId is { } runs && (await LoadAsync(runs, ct))?.Instance.DefinitionId is { } flow
                && keep.Contains(flow)) { state.Instance.State.KeptRunning.Add(bookmark.Id); continue; }
            bookmark.Hold();
            MarkUpdated(bookmark);
            if (bookmark.TaskId is { } taskId && await TaskAsync(taskId, ct) is { Status: UserTaskStatus.Open } task) ChangeTask(task, t => t.Hold());
            if (bookmark.ChildInstanceId is { } childId && await LoadAsync(childId, ct) is { Instance.IsActive: true } child) await HoldAsync(child, null, ct);
        }
    }

    private async Task ReleaseAsync(ExecutionState state, CancellationToken ct)
    {
        foreach (var bookmark in state.Bookmarks.Where(b => b.IsHeld).ToList())
        {
            bookmark.Release();
            MarkUpdated(bookmark);
            if (bookmark.DeferredSignalJson is { } deferred)
            {
                // The signal came during the pause; it is delivered now, in this same commit.
                Resume(state, bookmark, new ResumeInput(BookmarkKind.Signal) { Data = VariableValues.Deserialize(deferred) });
                continue;
            }
            if (bookmark.Kind == BookmarkKind.Timer) Changes.RescheduledTimers.Add(bookmark);
            if (bookmark.TaskId is { } taskId && await TaskAsync(taskId, ct) is { Status: UserTaskStatus.OnHold } task) ChangeTask(task, t => t.Release());
            if (bookmark.ChildInstanceId is { } childId && await LoadAsync(childId, ct) is { Instance.IsActive: true } child) await ReleaseAsync(child, ct);
        }
    }

    public void MarkUpdated(Bookmark bookmark)
    {
        if (!Changes.AddedBookmarks.Contains(bookmark) && !Changes.UpdatedBookmarks.Contains(bookmark)) Changes.UpdatedBookmarks.Add(bookmark);
    }

    /// <summary>A task this pass already touched is changed in place; otherwise it is versioned for the commit.</summary>
    private async Task<UserTask?> TaskAsync(Guid taskId, CancellationToken ct) =>
        Changes.AddedTasks.Find(t => t.Id == taskId)
        ?? Changes.UpdatedTasks.Find(u => u.Task.Id == taskId).Task
        ?? await services.Store.FindTaskAsync(taskId, ct);

    private void ChangeTask(UserTask task, Action<UserTask> change)
    {
        if (!Changes.AddedTasks.Contains(task) && !Changes.UpdatedTasks.Exists(u => u.Task == task))
            Changes.UpdatedTasks.Add((task, task.PrepareSave()));
        change(task);
    }
}
