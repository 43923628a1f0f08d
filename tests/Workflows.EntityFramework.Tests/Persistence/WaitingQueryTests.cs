using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.EntityFramework.Tests.Support;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Persistence;

/// <summary>
/// The studio's heat map on SQLite and PostgreSQL: the rollup the Bookmarks triggers keep, against instances whose waits
/// are known to the day, through a task done (a bookmark deleted and another added) and a flow sharing an activity id;
/// on PostgreSQL counted at commit, so the tasks of one day done at once do not queue on their day's row.
/// </summary>
public sealed class WaitingQueryTests
{
    private const string Flow = """
    { "id": "wacht", "name": "Wachten",
      "activities": [
        { "id": "eerste", "type": "HumanTask", "inputs": { "title": "Eerste stap", "candidateGroup": "TeamA", "due": "P2D" } },
        { "id": "tweede", "type": "HumanTask", "inputs": { "title": "Tweede stap", "candidateGroup": "TeamB", "due": "P5D" } } ],
      "connections": [ { "source": "eerste", "outcome": "Afgerond", "target": "tweede" } ] }
    """;

    private const string Other = """
    { "id": "ander", "name": "Ander",
      "activities": [ { "id": "eerste", "type": "HumanTask", "inputs": { "title": "Eerste stap", "candidateGroup": "TeamA" } } ], "connections": [] }
    """;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task WaitingByActivity_CountsMedianLongestAndPastNorm_AndListsTheInstancesLongestFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        await engine.PublishAsync(Other);
        foreach (var code in new[] { "A", "B", "C" }) await engine.Runtime.StartAsync("wacht", correlationId: code);
        await engine.Runtime.StartAsync("ander", correlationId: "X");
        engine.Clock.Advance(TimeSpan.FromDays(1));
        await CompleteAsync(engine, "A");   // day 1: A waits at the second step, due on day 6
        engine.Clock.Advance(TimeSpan.FromDays(4));
        await engine.Runtime.StartAsync("wacht", correlationId: "D");
        var now = engine.Clock.GetUtcNow();

        // Day 5. The first step: B and C for 5 days (due day 2, past twice the norm), D for 0; the second: A for 4 days (due day 6).
        Assert.Equal([("eerste", BookmarkKind.Task, 3, 5, 5, 2, 2), ("tweede", BookmarkKind.Task, 1, 4, 4, 0, 0)], Rows(await engine.Monitoring.SummarizeWaitingAsync("wacht", now)));
        await CompleteAsync(engine, "B");
        Assert.Equal([("eerste", BookmarkKind.Task, 2, 0, 5, 1, 1), ("tweede", BookmarkKind.Task, 2, 0, 4, 0, 0)], Rows(await engine.Monitoring.SummarizeWaitingAsync("wacht", now)));

        var atFirst = await engine.Monitoring.FindWaitingAtAsync("wacht", "eerste", 10);
        Assert.Equal(["C", "D"], atFirst.Select(r => r.CorrelationId));
        Assert.Equal([now.AddDays(-5), now], atFirst.Select(r => r.Since));
        Assert.Equal("C", Assert.Single(await engine.Monitoring.FindWaitingAtAsync("wacht", "eerste", 1)).CorrelationId);
        Assert.Equal([("eerste", BookmarkKind.Task, 1, 5, 5, 0, 0)], Rows(await engine.Monitoring.SummarizeWaitingAsync("ander", now)));
    }

    [Fact]
    public async Task OnPostgreSql_TwoTasksOfOneDayDone_DoNotQueueOnTheirDaysCount_UntilCommit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var engine = await TestEngine.StartAsync(database.Connection);
        await engine.PublishAsync(Flow);
        foreach (var code in new[] { "A", "B", "C" }) await engine.Runtime.StartAsync("wacht", correlationId: code);
        var now = engine.Clock.GetUtcNow();
        var (a, b) = ((await engine.SingleOpenTaskAsync("A")).BookmarkId, (await engine.SingleOpenTaskAsync("B")).BookmarkId);

        // A's wait ends in a transaction still open; B's, of the same day and step, in one of its own meanwhile. Counted at
        // the delete, B would wait for A's transaction on their day's row (here: the statement times out).
        await using var first = new Npgsql.NpgsqlConnection(database.Connection.ConnectionString);
        await first.OpenAsync();
        await using var open = await first.BeginTransactionAsync();
        await Execute(first, $"DELETE FROM \"Bookmarks\" WHERE \"Id\" = '{a}'");
        await using (var second = new Npgsql.NpgsqlConnection(database.Connection.ConnectionString))
        {
            await second.OpenAsync();
            await Execute(second, "SET statement_timeout = '3s'");
            await Execute(second, $"DELETE FROM \"Bookmarks\" WHERE \"Id\" = '{b}'");
        }
        Assert.Equal([("eerste", BookmarkKind.Task, 2, 0, 0, 0, 0)], Rows(await engine.Monitoring.SummarizeWaitingAsync("wacht", now)));
        await open.CommitAsync();
        Assert.Equal([("eerste", BookmarkKind.Task, 1, 0, 0, 0, 0)], Rows(await engine.Monitoring.SummarizeWaitingAsync("wacht", now)));
    }

    private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static List<(string, BookmarkKind, int, int, int, int, int)> Rows(IReadOnlyList<WaitingAtActivity> rows) =>
        [.. rows.Select(r => (r.ActivityId, r.Kind, r.Count, r.MedianDays, r.LongestDays, r.PastNorm, r.PastDoubleNorm))];

    private static async Task CompleteAsync(TestEngine engine, string code) =>
        Assert.Equal(ResumeOutcome.Resumed, (await engine.Runtime.CompleteTaskAsync((await engine.SingleOpenTaskAsync(code)).Id, "Afgerond")).Outcome);
}
