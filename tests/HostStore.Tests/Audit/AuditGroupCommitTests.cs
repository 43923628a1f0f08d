using ProcessEngine.Data;
using ProcessEngine.Data.Work;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// Lines appended on their own while the chain is busy wait together and commit together: many lines, few
/// commits, each caller still getting back its own line, and one intact chain.
/// </summary>
public sealed class AuditGroupCommitTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task LinesWaitingForTheChain_CommitTogether_EachCallerGetsItsOwnLine(DatabaseProvider provider)
    {
        await using var store = await AuditStore.CreateAsync(provider);
        const int callers = 60;
        var tally = DatabaseWork.Begin();

        // A user action holds the chain (its transaction has appended a line and not yet committed), as the
        // engine's writer does; meanwhile sixty reads ask for their lines.
        var (connection, transaction) = await store.BeginWriteAsync();
        Task<AuditEntry>[] appends;
        var queued = 0;
        await using (connection)
        await using (transaction)
        {
            await store.Log.AppendInAsync(Record("actie", 0), transaction);
            // A line is queued once AppendAsync hands back its task. Wait for that rather than for a fixed time: on two
            // busy cores a thread-pool start can take longer than any pause, and a line queued after the next batch
            // was taken would be a third commit. The caller that took the writer first may be blocked inside
            // AppendAsync (SQLite waits for the lock synchronously), so all but one is enough.
            appends = [.. Enumerable.Range(1, callers).Select(i => Task.Run(() =>
            {
                var append = store.Log.AppendAsync(Record($"lezer-{i}", i));
                Interlocked.Increment(ref queued);
                return append;
            }))];
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Volatile.Read(ref queued) < callers - 1 && DateTime.UtcNow < deadline) await Task.Delay(10);
            Assert.True(Volatile.Read(ref queued) >= callers - 1, $"only {queued} of {callers} lines were queued within a minute");
            Assert.DoesNotContain(appends, a => a.IsCompleted);
            await transaction.CommitAsync();
        }
        var entries = await Task.WhenAll(appends);

        for (var i = 0; i < callers; i++) Assert.Equal($"lezer-{i + 1}", entries[i].UserId);
        Assert.Equal(Enumerable.Range(2, callers).Select(s => (long)s), entries.Select(e => e.Sequence).Order());
        // Every line was queued before the chain came free: the first caller's batch held what was queued when it took
        // the writer (all of them, or some), and the rest went in one more commit. Sixty lines, at most two commits.
        var commits = tally.Figures.Commits;
        Assert.InRange(commits, 1L, 2L);
        var verification = await store.Verifier.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(callers + 1, verification.LinesChecked);
    }

    private static AuditRecord Record(string who, int i) =>
        new("task.list.team", AuditAction.Read, AuditOutcome.Success, who, "Professional", null, "zorgverlening", "127.0.0.1", i.ToString());
}
