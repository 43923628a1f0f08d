using ProcessEngine.Workflows.Prompts;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence.InMemory;

public sealed partial class InMemoryWorkflowStore : ITaskPromptQueries
{
    public Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default) =>
        ReadList(() => _tasks.Values
            .Where(t => t.Status is UserTaskStatus.Open or UserTaskStatus.OnHold
                && (t.CreatedAt > after || (t.CreatedAt == after && t.Id.CompareTo(afterId) > 0)))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Take(max).Select(t => t.Clone()));

    public Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default) =>
        ReadList(() => _tasks.Values
            .Where(t => t.Status == UserTaskStatus.Open && t.DueAt <= until
                && (t.DueAt > after || (t.DueAt == after && t.Id.CompareTo(afterId) > 0)))
            .OrderBy(t => t.DueAt).ThenBy(t => t.Id).Take(max).Select(t => t.Clone()));
}
