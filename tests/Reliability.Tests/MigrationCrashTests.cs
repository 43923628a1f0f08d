using System.Diagnostics;
using System.Net.Http.Json;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 19: kill -9 in the middle of a migration run. The node starts again on the same SQLite file, picks the run up by
/// itself, and every instance ends up moved exactly once: one journal line "verplaatst", one audit line, its run row
/// marked, and none left on the old version.
/// </summary>
public sealed class MigrationCrashTests(ITestOutputHelper output)
{
    private const int Instances = 1500;
    /// <summary>Moved before the kill, so the crash lands in a running migration and not at its start.</summary>
    private const int MovedBeforeKill = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KillNineDuringAMigrationRun_ThenRestart_EveryInstanceMovesExactlyOnce()
    {
        await using var database = await HostDatabase.NewAsync(HostDatabase.Sqlite, "migration-crash");
        await using (var work = await PreparedWork.OpenAsync(database))
        {
            await work.StartTwoStepsAsync(Instances, "verplaatsen");
            await work.PublishAsync(ReliabilityFlows.TwoStepsJson.Replace("\"Stap 1\"", "\"Stap 1 (gecorrigeerd)\""));
        }
        await using var cluster = await Cluster.StartAsync(database);
        var node = cluster.Nodes[0];
        var rows = new EngineRows(database);
        using (var coordinator = await ApiUser.SignInAsync(node, "coordinator"))
        {
            var started = await coordinator.Http.PostAsJsonAsync($"/api/flows/{ReliabilityFlows.TwoSteps}/migrations",
                new { sourceVersions = new[] { 1 }, targetVersion = 2, reason = "titel gecorrigeerd" });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            var waited = Stopwatch.StartNew();
            while (await MovedAsync(rows) < MovedBeforeKill)
            {
                Assert.True(waited.Elapsed < Patience, "the run did not start moving instances:\n" + cluster.OutputTails());
                await Task.Delay(20);
            }
        }
        node.Kill();
        var movedAtKill = await MovedAsync(rows);
        output.WriteLine($"killed with {movedAtKill} of {Instances} instances moved");
        Assert.True(movedAtKill < Instances, "the run had finished before the kill: this run proves nothing about a crash mid-run");

        await node.RestartAsync();
        var restarting = Stopwatch.StartNew();
        // Finished means every item handled and the run marked so; the mark is the runner's step after the last batch.
        while (await rows.CountAsync("""SELECT COUNT(*) FROM "MigrationRunItems" WHERE "Outcome" = 'Pending'""") > 0
            || await rows.CountAsync("""SELECT COUNT(*) FROM "MigrationRuns" WHERE "Status" = 'Finished'""") == 0)
        {
            Assert.True(restarting.Elapsed < Patience, "the run did not go on after the restart:\n" + cluster.OutputTails());
            await Task.Delay(200);
        }
        output.WriteLine($"the restarted node finished the run {restarting.Elapsed.TotalSeconds:F1} s after its start");

        var journal = await rows.JournalPerInstanceAsync("", "Migrated");
        Assert.Equal(Instances, journal.Count);
        Assert.All(journal.Values, lines => Assert.Equal(1, lines));
        Assert.Equal(0, await rows.CountAsync("""SELECT COUNT(*) FROM "WorkflowInstances" WHERE "DefinitionId" = $1 AND "DefinitionVersion" = 1""", ReliabilityFlows.TwoSteps));
        Assert.Equal(Instances, await rows.CountAsync("""SELECT COUNT(*) FROM "MigrationRunItems" WHERE "Outcome" = 'Moved'"""));
        Assert.Equal(Instances, await rows.CountAsync("""SELECT COUNT(*) FROM "AuditLog" WHERE "EventCode" = 'instance.migrate' AND "Outcome" = '0'"""));
        Assert.Equal(Instances, await rows.CountAsync("""SELECT COUNT(*) FROM "UserTasks" WHERE "Title" = 'Stap 1 (gecorrigeerd)' AND "Status" = 'Open'"""));
        Assert.Equal(1, await rows.CountAsync("""SELECT COUNT(*) FROM "MigrationRuns" WHERE "Status" = 'Finished'"""));
    }

    private static Task<int> MovedAsync(EngineRows rows) =>
        rows.CountAsync("""SELECT COUNT(*) FROM "Journal" WHERE "Event" = 'Migrated'""");
}
