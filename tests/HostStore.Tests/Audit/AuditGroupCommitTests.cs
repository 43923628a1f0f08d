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
        await using (connection)
        await using (transaction)
        {
            await store.Log.AppendInAsync(Record("actie", 0), transaction);
            appends = [.. Enumerable.Range(1, callers).Select(i => Task.Run(() => store.Log.AppendAsync(Record($"lezer-{i}", i))))];
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            Assert.DoesNotContain(appends, a => a.IsCompleted);
            await transaction.CommitAsync();
        }
        var entries = await Task.WhenAll(appends);

        for (var i = 0; i < callers; i++) Assert.Equal($"lezer-{i + 1}", entries[i].UserId);
        Assert.Equal(Enumerable.Range(2, callers).Select(s => (long)s), entries.Select(e => e.Sequence).Order());
        // The first caller's batch was taken before the others queued; everything after it went in one more commit.
        var commits = tally.Figures.Commits;
        Assert.InRange(commits, 2L, 3L);
        var verification = await store.Verifier.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(callers + 1, verification.LinesChecked);
    }

    private static AuditRecord Record(string who, int i) =>
        new("task.list.team", AuditAction.Read, AuditOutcome.Success, who, "Professional", null, "zorgverlening", "127.0.0.1", i.ToString());
}
