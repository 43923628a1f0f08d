using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// A user action's audit line is written inside the transaction of the change it records (the engine's, for a
/// task). Those lines and the lines written on their own (reads, refusals) share one chain: racing, they must
/// still make one gapless chain that verifies, and a line whose transaction rolls back must leave no trace.
/// </summary>
public sealed class AuditInTransactionTests
{
    private static AuditRecord Record(string who, int i) =>
        new("task.complete", AuditAction.Update, AuditOutcome.Success, who, "Professional", "RVT-2026-AAAAAA", "zorgverlening", "127.0.0.1", i.ToString());

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LinesInACallersTransaction_AndLinesOnTheirOwn_RaceIntoOneIntactChain(DatabaseProvider provider)
    {
        await using var store = await AuditStore.CreateAsync(provider);
        const int writers = 4, perWriter = 40;

        var inTransaction = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                var (connection, transaction) = await store.BeginWriteAsync();
                await using (connection)
                await using (transaction)
                {
                    await store.Log.AppendInAsync(Record($"in-tx-{w}", i), transaction);
                    await transaction.CommitAsync();
                }
            }
        }));
        var alone = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++) await store.Log.AppendAsync(Record($"alone-{w}", i));
        }));
        await Task.WhenAll(inTransaction.Concat(alone));

        var verification = await store.Verifier.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(2L * writers * perWriter, verification.LinesChecked);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ALineWhoseTransactionRollsBack_LeavesNoTrace_AndTheChainGoesOnWithoutAGap(DatabaseProvider provider)
    {
        await using var store = await AuditStore.CreateAsync(provider);
        await store.AppendAsync(2);
        var (connection, transaction) = await store.BeginWriteAsync();
        await using (connection)
        await using (transaction)
        {
            var written = await store.Log.AppendInAsync(Record("teruggedraaid", 1), transaction);
            Assert.Equal(3, written.Sequence);
            await transaction.RollbackAsync();
        }

        await store.AppendAsync(1);

        var lines = await store.Log.SearchAsync(new AuditQuery());
        Assert.Equal([3L, 2L, 1L], lines.Select(l => l.Sequence));
        Assert.DoesNotContain(lines, l => l.UserId == "teruggedraaid");
        var verification = await store.Verifier.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }
}
