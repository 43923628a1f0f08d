using System.Data.Common;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Persistence;

/// <summary>Several parts of one user action (the domain's rows, then the audit line), written in the order given.</summary>
public sealed class UnitOfWorkParts : IUnitOfWorkPart
{
    private readonly IReadOnlyList<IUnitOfWorkPart> _parts;

    private UnitOfWorkParts(IReadOnlyList<IUnitOfWorkPart> parts) => _parts = InWriteOrder(parts);

    /// <summary>
    /// The order parts are written in, here and by the engine's writers: as given, except that those holding a lock to commit
    /// (<see cref="IUnitOfWorkPart.HoldsLockToCommit"/>) go last (a stable sort).
    /// </summary>
    public static IReadOnlyList<IUnitOfWorkPart> InWriteOrder(IEnumerable<IUnitOfWorkPart> parts) => [.. parts.OrderBy(p => p.HoldsLockToCommit)];

    public bool HoldsLockToCommit => _parts.Any(p => p.HoldsLockToCommit);

    /// <summary>The parts given, nulls left out; null when none is left.</summary>
    public static IUnitOfWorkPart? Of(params IUnitOfWorkPart?[] parts)
    {
        var present = parts.OfType<IUnitOfWorkPart>().ToList();
        return present.Count switch { 0 => null, 1 => present[0], _ => new UnitOfWorkParts(present) };
    }

    public async ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
    {
        foreach (var part in _parts) await part.WriteAsync(transaction, engineChanges, ct);
    }
}
