using System.Diagnostics;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 8, item 1: 2,000 timers due at the same moment, two host processes on one PostgreSQL database.
/// Every timer's job is in the nodes' shared Hangfire storage twice (as if two nodes had both scheduled it:
/// what Elsa users report as timers firing twice), both nodes' workers and their minute sweeps race for
/// them, and still each timer fires exactly once: one "Na de timer" prompt per timer, no more, none lost.
/// </summary>
public sealed class TimerTests(ITestOutputHelper output)
{
    private const int Timers = 2_000;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TwoThousandTimersDueAtOnce_OnTwoNodes_EachFiresExactlyOnce()
    {
        await using var database = await HostDatabase.NewAsync(HostDatabase.PostgreSql, "timers");
        await using var cluster = await Cluster.StartAsync(database, nodes: 2);
        var rows = new EngineRows(database);
        IReadOnlyList<Guid> instances;
        var preparing = Stopwatch.StartNew();
        await using (var work = await PreparedWork.OpenAsync(database))
        {
            // Due a little after the preparation ends, so all 2,000 are waiting when the moment comes.
            var due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
            instances = await work.StartTimersAsync(Timers, due, "timer");
            var scheduledAgain = await work.ScheduleEveryTimerAgainAsync();
            output.WriteLine($"prepared {instances.Count} timers due at {due:HH:mm:ss} and a second job for {scheduledAgain} of them in {preparing.Elapsed.TotalSeconds:F1} s");
            Assert.True(DateTimeOffset.UtcNow < due, "the preparation took longer than the time left before the timers came due");
            Assert.Equal(Timers, scheduledAgain);
        }

        var waiting = Stopwatch.StartNew();
        while (await rows.TimerBookmarksAsync() > 0)
        {
            Assert.True(waiting.Elapsed < Patience, $"{await rows.TimerBookmarksAsync()} timers still waiting after {Patience.TotalMinutes} min\n{cluster.OutputTails()}");
            await Task.Delay(250);
        }
        output.WriteLine($"every timer fired {waiting.Elapsed.TotalSeconds:F1} s after the preparation");

        await AssertEachFiredOnceAsync(rows, instances);

        // The second job of every timer still runs after its timer fired; wait for all of them and count again.
        var draining = Stopwatch.StartNew();
        while (await rows.CountAsync("""SELECT COUNT(*) FROM hangfire.job WHERE statename IN ('Scheduled', 'Enqueued', 'Processing')""") > 0)
        {
            Assert.True(draining.Elapsed < Patience, $"Hangfire jobs still waiting after {Patience.TotalMinutes} min\n{cluster.OutputTails()}");
            await Task.Delay(500);
        }
        var jobs = await rows.CountAsync("""SELECT COUNT(*) FROM hangfire.job WHERE statename = 'Succeeded'""");
        var servers = await rows.CountAsync("""
            SELECT COUNT(DISTINCT split_part(data::json ->> 'ServerId', ':', 2)) FROM hangfire.state WHERE name = 'Processing'
            """);
        output.WriteLine($"{jobs} jobs succeeded {draining.Elapsed.TotalSeconds:F1} s later (two per timer, the new tasks' prompt jobs, the sweeps), processed by {servers} processes");
        Assert.True(jobs >= 2 * Timers, $"only {jobs} jobs succeeded");
        // Both nodes took part: the jobs were processed by the servers of two processes.
        Assert.Equal(2, servers);
        await AssertEachFiredOnceAsync(rows, instances);
        Assert.True(cluster.Nodes.All(n => n.IsRunning), "a node died\n" + cluster.OutputTails());
    }

    private async Task AssertEachFiredOnceAsync(EngineRows rows, IReadOnlyList<Guid> instances)
    {
        var fired = await rows.JournalPerInstanceAsync(ReliabilityFlows.Timer, "Completed");
        var prompts = await rows.TasksPerInstanceAsync(ReliabilityFlows.AfterTimer);
        output.WriteLine($"{fired.Values.Sum()} timer fires over {fired.Count} instances; {prompts.Values.Sum()} prompts (tasks after a timer)");
        Assert.Equal(Timers, prompts.Values.Sum());
        Assert.All(instances, i => Assert.Equal(1, fired.GetValueOrDefault(i)));
        Assert.All(instances, i => Assert.Equal(1, prompts.GetValueOrDefault(i)));
    }
}
