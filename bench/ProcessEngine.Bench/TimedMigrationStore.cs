using System.Diagnostics;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Bench;

/// <summary>
/// For <c>migrate --breakdown</c> only: wraps the migration's reads and adds up their wall time, so a preview page
/// splits into its load and the planning, and a move into its load, its commit (<see cref="TimedStore"/>) and the rest.
/// </summary>
internal sealed class TimedMigrationStore(IInstanceMigrationStore inner) : IInstanceMigrationStore
{
    public long LoadActive, Load;

    public void Reset() => LoadActive = Load = 0;

    public async Task<IReadOnlyList<MigrationSubject>> LoadActiveAsync(string definitionId, IReadOnlyCollection<int> versions, Guid after, int take,
        CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.LoadActiveAsync(definitionId, versions, after, take, ct); }
        finally { LoadActive += Stopwatch.GetTimestamp() - start; }
    }

    public async Task<IReadOnlyList<MigrationSubject>> LoadAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default)
    {
        var start = Stopwatch.GetTimestamp();
        try { return await inner.LoadAsync(instanceIds, ct); }
        finally { Load += Stopwatch.GetTimestamp() - start; }
    }

    public Task<IReadOnlyList<MigrationSubject>> LoadRelatedAsync(string definitionId, IReadOnlyCollection<int> versions,
        IReadOnlyCollection<Guid> parentIds, IReadOnlyCollection<string> correlationIds, CancellationToken ct = default) =>
        inner.LoadRelatedAsync(definitionId, versions, parentIds, correlationIds, ct);

    public Task<IReadOnlyDictionary<int, int>> CountActiveByVersionAsync(string definitionId, CancellationToken ct = default) =>
        inner.CountActiveByVersionAsync(definitionId, ct);
}
