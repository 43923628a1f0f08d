using System.Diagnostics;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

/// <summary>
/// For <c>--breakdown</c> only: wraps the engine's store and adds up the wall time of the calls a resume
/// step makes, so the step's time splits into the store's reads, its commit and the engine's own code.
/// </summary>
internal sealed class TimedStore(IWorkflowStore inner) : IWorkflowStore
{
    public long FindTask, FindInstance, GetBookmarks, Commit;

    public void Reset() => FindTask = FindInstance = GetBookmarks = Commit = 0;

    public async Task<UserTask?> FindTaskAsync(Guid taskId, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.FindTaskAsync(taskId, ct); }
        finally { FindTask += Stopwatch.GetTimestamp() - start; }
    }

    public async Task<WorkflowInstance?> FindInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.FindInstanceAsync(instanceId, ct); }
        finally { FindInstance += Stopwatch.GetTimestamp() - start; }
    }

    public async Task<IReadOnlyList<WorkflowInstance>> FindInstancesAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.FindInstancesAsync(instanceIds, ct); }
        finally { FindInstance += Stopwatch.GetTimestamp() - start; }
    }

    public async Task<IReadOnlyList<Bookmark>> GetBookmarksAsync(Guid instanceId, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.GetBookmarksAsync(instanceId, ct); }
        finally { GetBookmarks += Stopwatch.GetTimestamp() - start; }
    }

    /// <summary>The pass's load of instance and bookmarks; counted as the instance read.</summary>
    public async Task<InstanceSnapshot?> LoadInstanceAsync(Guid instanceId, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.LoadInstanceAsync(instanceId, ct); }
        finally { FindInstance += Stopwatch.GetTimestamp() - start; }
    }

    public async Task CommitAsync(WorkflowChanges changes, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { await inner.CommitAsync(changes, ct); }
        finally { Commit += Stopwatch.GetTimestamp() - start; }
    }

    // Not part of a resume step (or only of the benchmark's untimed task lookup): passed through untimed.
    public Task<Bookmark?> FindBookmarkAsync(Guid bookmarkId, CancellationToken ct = default) => inner.FindBookmarkAsync(bookmarkId, ct);
    public Task<IReadOnlyList<Bookmark>> FindDueTimersAsync(DateTimeOffset now, int max, CancellationToken ct = default) => inner.FindDueTimersAsync(now, max, ct);
    public Task<IReadOnlyList<Bookmark>> FindPendingTimersAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default) =>
        inner.FindPendingTimersAsync(after, afterId, max, ct);
    public Task<IReadOnlyList<Bookmark>> FindSignalBookmarksAsync(string signalName, string? correlationId, Guid? instanceId, CancellationToken ct = default) =>
        inner.FindSignalBookmarksAsync(signalName, correlationId, instanceId, ct);
    public Task<IReadOnlyList<Incident>> GetOpenIncidentsAsync(Guid instanceId, CancellationToken ct = default) => inner.GetOpenIncidentsAsync(instanceId, ct);
    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(Guid instanceId, CancellationToken ct = default) => inner.GetJournalAsync(instanceId, ct);
    public Task<IReadOnlyList<UserTask>> FindOpenTasksAsync(TaskQuery query, CancellationToken ct = default) => inner.FindOpenTasksAsync(query, ct);
    public Task<IReadOnlyList<FactCount>> CountFactsAsync(DateTimeOffset from, DateTimeOffset to, string? dimension = null, CancellationToken ct = default) =>
        inner.CountFactsAsync(from, to, dimension, ct);
    public Task PurgeAsync(IReadOnlyList<Guid> instanceIds, IUnitOfWorkPart? alongside = null, CancellationToken ct = default) =>
        inner.PurgeAsync(instanceIds, alongside, ct);
    public Task<IReadOnlyList<WorkflowInstance>> FindInstancesByCorrelationAsync(string correlationId, CancellationToken ct = default) =>
        inner.FindInstancesByCorrelationAsync(correlationId, ct);

    public Task<bool> IsTaskPersonAsync(string correlationId, string user, CancellationToken ct = default) =>
        inner.IsTaskPersonAsync(correlationId, user, ct);

    public Task<IReadOnlyList<UserTask>> GetTasksAsync(string correlationId, CancellationToken ct = default) =>
        inner.GetTasksAsync(correlationId, ct);
}
