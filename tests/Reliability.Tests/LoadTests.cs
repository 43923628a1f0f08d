using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 8, item 5 (short): 50 simulated professionals sign in, read their inbox and the team's, claim and
/// complete tasks for 15 seconds against one node on SQLite and against two nodes on PostgreSQL (users spread
/// over the nodes): no errors, completions happen, and none twice.
/// The 60-second figure is the `load` benchmark (bench/ProcessEngine.Bench), which runs the same driver.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Instances = 600;
    private static readonly LoadOptions Options = new(Users: 50, Duration: TimeSpan.FromSeconds(15));

    [Theory]
    [InlineData(HostDatabase.Sqlite, 1)]
    [InlineData(HostDatabase.PostgreSql, 2)]
    public async Task FiftyUsersForFifteenSeconds_NoErrors_AndEveryCompletionCountedOnce(string provider, int nodes)
    {
        await using var database = await HostDatabase.NewAsync(provider, "load");
        await using (var work = await PreparedWork.OpenAsync(database)) await work.StartTwoStepsAsync(Instances, "load");
        await using var cluster = await Cluster.StartAsync(database, nodes);

        var result = await LoadDriver.RunAsync(cluster, Options);
        output.WriteLine($"{Options.Users} users, {result.Elapsed.TotalSeconds:F1} s: {result.Completions} completions " +
            $"({result.CompletionsPerSecond:F1}/s), {result.Conflicts} lost races (409), {result.Errors} errors, " +
            $"{result.Requests} requests, p95 {result.P95Ms:F0} ms (" + string.Join(", ", result.P95MsByCall.Select(c => $"{c.Key} {c.Value:F0} ms")) + ")");

        // The samples go last: CI shows only the tail of a failure.
        Assert.True(result.Errors == 0, $"{cluster.OutputTails()}\n{result.Errors} errors, e.g.\n{string.Join("\n", result.ErrorSamples)}");
        Assert.True(result.Completions > 0, "no task was completed");
        Assert.True(cluster.Nodes.All(n => n.IsRunning), "a node died under load\n" + cluster.OutputTails());
        // Each answered completion is one completed task in the database: none lost, none counted twice.
        var rows = new EngineRows(database);
        var completed = await rows.CountAsync("""SELECT COUNT(*) FROM "UserTasks" WHERE "Status" = 'Completed'""");
        Assert.Equal(result.Completions, completed);
        var journal = await rows.JournalPerInstanceAsync(ReliabilityFlows.FirstStep, "Completed");
        Assert.All(journal.Values, n => Assert.Equal(1, n));
    }
}
