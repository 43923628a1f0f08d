using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

internal sealed partial class TimedStore
{
    public Task<IReadOnlyList<UserTask>> FindTasksCreatedSinceAsync(DateTimeOffset after, Guid afterId, int max, CancellationToken ct = default) =>
        inner.FindTasksCreatedSinceAsync(after, afterId, max, ct);

    public Task<IReadOnlyList<UserTask>> FindOpenTasksDueAsync(DateTimeOffset after, Guid afterId, DateTimeOffset until, int max,
        CancellationToken ct = default) =>
        inner.FindOpenTasksDueAsync(after, afterId, until, max, ct);
}
