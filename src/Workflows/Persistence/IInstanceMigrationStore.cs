using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>
/// What moving running instances to another flow version reads: the instances still going (waiting, or faulted and
/// so refused by name), each with what it waits on, a page at a time. The move itself commits through
/// <see cref="IWorkflowStore.CommitAsync"/> like any pass.
/// </summary>
public interface IInstanceMigrationStore
{
    /// <summary>Instances of the flow on these versions that have not ended, in id order after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<MigrationSubject>> LoadActiveAsync(string definitionId, IReadOnlyCollection<int> versions, Guid after, int take,
        CancellationToken ct = default);

    /// <summary>These instances (any state; missing ones are left out), with what they wait on.</summary>
    Task<IReadOnlyList<MigrationSubject>> LoadAsync(IReadOnlyCollection<Guid> instanceIds, CancellationToken ct = default);

    /// <summary>
    /// Instances of the flow on these versions that have not ended and belong to one of the given instances: a subflow they
    /// started (<paramref name="parentIds"/>), or a flow started under one of their correlation ids (a traject's maatregel).
    /// </summary>
    Task<IReadOnlyList<MigrationSubject>> LoadRelatedAsync(string definitionId, IReadOnlyCollection<int> versions, IReadOnlyCollection<Guid> parentIds,
        IReadOnlyCollection<string> correlationIds, CancellationToken ct = default);

    /// <summary>How many instances of the flow have not ended, per version: what a coordinator picks source versions from.</summary>
    Task<IReadOnlyDictionary<int, int>> CountActiveByVersionAsync(string definitionId, CancellationToken ct = default);
}

/// <summary>One instance with its live bookmarks and its open (or held) tasks.</summary>
public sealed record MigrationSubject(WorkflowInstance Instance, IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<UserTask> Tasks);
