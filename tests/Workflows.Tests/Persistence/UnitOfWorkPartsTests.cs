using System.Data.Common;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Workflows.Tests.Persistence;

/// <summary>
/// A part that holds a lock to commit (the audit chain's) is written after the others of its transaction, however the
/// caller listed them, so whoever queues for that lock waits only for the commit; the others keep their order.
/// </summary>
public sealed class UnitOfWorkPartsTests
{
    [Fact]
    public async Task APartHoldingALockToCommit_IsWrittenLast_TheOthersInTheOrderGiven()
    {
        var written = new List<string>();
        var parts = UnitOfWorkParts.Of(new Part("audit line", written, holdsLock: true), new Part("involvement", written), null,
            new Part("outbox", written));

        await parts!.WriteAsync(null!, null, CancellationToken.None);

        Assert.Equal(["involvement", "outbox", "audit line"], written);
        Assert.True(parts.HoldsLockToCommit);
        Assert.False(UnitOfWorkParts.Of(new Part("outbox", written), new Part("involvement", written))!.HoldsLockToCommit);
    }

    private sealed class Part(string name, List<string> written, bool holdsLock = false) : IUnitOfWorkPart
    {
        public bool HoldsLockToCommit => holdsLock;

        public ValueTask WriteAsync(DbTransaction transaction, WorkflowChanges? engineChanges, CancellationToken ct)
        {
            written.Add(name);
            return ValueTask.CompletedTask;
        }
    }
}
