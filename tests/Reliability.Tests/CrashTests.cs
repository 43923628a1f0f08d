using System.Diagnostics;
using System.Globalization;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 8, item 3, and issue 15: kill -9 at random moments in a load of completions while timers come due, three times
/// in one run. The moments and the victims come from a seed printed at the start (`CRASH_SEED=n` replays its choices):
/// one kill early in the load, one just after the timers start to fire, one later on. After each of the first two the
/// node starts again while the load goes on (on PostgreSQL the other node serves meanwhile). After the last one, on
/// PostgreSQL with two nodes, the other node finishes every completion and every timer alone before the killed one comes
/// back; on SQLite, one process, the node starts again on the same file and does the rest. Either way every completion
/// that was answered 2xx is in the database, every timer fired exactly once, and no instance moved twice. Each completion
/// has exactly its audit line and each line its completion (one transaction per action), each task the nodes created
/// has its prompt, and every signal a completed step sent reached the flow waiting for it, once (a signal is stored with
/// its sender's step and delivered after).
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int TwoStepInstances = 800;
    private const int Timers = 300;
    /// <summary>Sender tasks among the first steps: each completion sends a signal to a receiver of its own correlation.</summary>
    private const int SignalPairs = 100;
    private const int Workers = 16;
    /// <summary>
    /// The load is paced below what one node sustains, so it is still running when the timers come due however
    /// fast this machine is: 900 completions at 15 a second take a minute, the timers are due 35 s after preparation.
    /// </summary>
    private const double CompletionsPerSecond = 15;
    private static readonly TimeSpan TimersDueAfter = TimeSpan.FromSeconds(35);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(HostDatabase.Sqlite, 1)]
    [InlineData(HostDatabase.PostgreSql, 2)]
    public async Task KillNineThreeTimesAtRandomMoments_ThenRestart_NothingLostAndNothingDoneTwice(string provider, int nodes)
    {
        var seed = Environment.GetEnvironmentVariable("CRASH_SEED") is { Length: > 0 } given ? int.Parse(given, CultureInfo.InvariantCulture) : Random.Shared.Next();
        output.WriteLine($"seed {seed}: CRASH_SEED={seed} replays the moments and victims chosen here");
        var random = new Random(seed);
        await using var database = await HostDatabase.NewAsync(provider, "crash");
        IReadOnlyList<Guid> timerInstances, receivers;
        await using (var work = await PreparedWork.OpenAsync(database))
        {
            await work.StartTwoStepsAsync(TwoStepInstances, "crash");
            // Due well after the node is up (a start takes 5 to 20 s), so they fire while completions run.
            timerInstances = await work.StartTimersAsync(Timers, DateTimeOffset.UtcNow + TimersDueAfter, "crash-timer");
            receivers = await work.StartSignalPairsAsync(SignalPairs, "crash-signal");
        }
        await using var cluster = await Cluster.StartAsync(database, nodes);
        var rows = new EngineRows(database);
        var firstSteps = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep);
        var senderSteps = await rows.TasksOfStepAsync(ReliabilityFlows.SenderStep);

        await using var load = CompletionLoad.Start(cluster, Interleave(firstSteps.Keys, senderSteps.Keys), CompletionsPerSecond, Workers);
        var series = new KillSeries(cluster, rows, load, random, output);
        // Early in the load, before any timer is due.
        await series.KillAsync("early", await series.UntilAcknowledgedAsync(random.Next(20, 150)), restart: true);
        // While the timers fire: the kill cuts a batch of due timers short.
        await series.KillAsync("timers", await series.UntilTimersFireAsync(random.Next(0, 400)), restart: true);
        var last = await series.KillAsync("late", await series.UntilAcknowledgedAsync(load.Acknowledged.Count + random.Next(20, 120)), restart: false);

        var restarting = Stopwatch.StartNew();
        if (cluster.Nodes.FirstOrDefault(n => n.IsRunning) is { } survivor)
        {
            // The other node finishes the work alone: the remaining completions, and every timer.
            Assert.True(await load.DrainAsync(Patience), $"{load.Unsettled} completions still open {Patience.TotalSeconds} s after the last kill\n{cluster.OutputTails()}");
            await WaitForAllTimersAsync(rows, cluster);
            await last.RestartAsync();
            output.WriteLine($"{survivor.Name} finished the completions and every timer alone; {last.Name} started again {restarting.Elapsed.TotalSeconds:F1} s after the kill");
        }
        else
        {
            await last.RestartAsync();
            output.WriteLine($"restarted on the same file in {restarting.Elapsed.TotalSeconds:F1} s");
            Assert.True(await load.DrainAsync(Patience), $"{load.Unsettled} completions still open {Patience.TotalSeconds} s after the restart\n{cluster.OutputTails()}");
            await WaitForAllTimersAsync(rows, cluster);
        }
        await WaitForAllSignalsAsync(rows, cluster);
        // The restarted node's recovery (due timers, prompts) ran before it was healthy: nothing of it may repeat work.
        Assert.True(cluster.Nodes.All(n => n.IsRunning), "a node is down after the restart\n" + cluster.OutputTails());
        Assert.Empty(load.Errors);

        // Nothing lost: each acknowledged completion is committed, and in the end every first step is done.
        var completedFirst = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep, "Completed");
        var completedSenders = await rows.TasksOfStepAsync(ReliabilityFlows.SenderStep, "Completed");
        Assert.All(load.Acknowledged, id => Assert.True(completedFirst.ContainsKey(id) || completedSenders.ContainsKey(id),
            $"task {id} was answered 2xx but is not completed (seed {seed})"));
        Assert.Equal(TwoStepInstances, completedFirst.Count);
        Assert.Equal(SignalPairs, completedSenders.Count);
        // Nothing twice: one completion journal line and one next task per instance, one fire and one task per timer.
        var journal = await rows.JournalPerInstanceAsync(ReliabilityFlows.FirstStep, "Completed");
        var second = await rows.TasksPerInstanceAsync(ReliabilityFlows.SecondStep);
        Assert.All(firstSteps.Values, i => Assert.Equal(1, journal.GetValueOrDefault(i)));
        Assert.All(firstSteps.Values, i => Assert.Equal(1, second.GetValueOrDefault(i)));
        var fired = await rows.JournalPerInstanceAsync(ReliabilityFlows.Timer, "Completed");
        var afterTimer = await rows.TasksPerInstanceAsync(ReliabilityFlows.AfterTimer);
        Assert.All(timerInstances, i => Assert.Equal(1, fired.GetValueOrDefault(i)));
        Assert.All(timerInstances, i => Assert.Equal(1, afterTimer.GetValueOrDefault(i)));
        Assert.Equal(0, await rows.TimerBookmarksAsync());
        // Every signal sent reached its receiver, once: one received step and one task per receiver, none left stored.
        var signalled = await rows.JournalPerInstanceAsync("wacht-op-signaal", "Completed");
        var receivedTasks = await rows.TasksPerInstanceAsync(ReliabilityFlows.Received);
        Assert.All(receivers, i => Assert.Equal(1, signalled.GetValueOrDefault(i)));
        Assert.All(receivers, i => Assert.Equal(1, receivedTasks.GetValueOrDefault(i)));
        Assert.Equal(0, await rows.UndeliveredSignalsAsync());
        // One transaction per action: every completion committed has exactly its audit line, and every line its completion.
        var completeLines = await rows.AuditLinesPerTaskAsync("task.complete");
        Assert.All(completedFirst.Keys.Concat(completedSenders.Keys), id => Assert.Equal(1, completeLines.GetValueOrDefault(id)));
        Assert.DoesNotContain(completeLines.Keys, id => !completedFirst.ContainsKey(id) && !completedSenders.ContainsKey(id));
        // Every task the nodes created (the second steps, the steps after a timer) has its e-mail prompt written.
        var prompted = await rows.PromptMarkedTasksAsync();
        var created = (await rows.TasksOfStepAsync(ReliabilityFlows.SecondStep)).Keys.Concat((await rows.TasksOfStepAsync(ReliabilityFlows.AfterTimer)).Keys)
            .Concat((await rows.TasksOfStepAsync(ReliabilityFlows.Received)).Keys).ToList();
        Assert.DoesNotContain(created, id => !prompted.Contains(id));
        output.WriteLine($"counts: {completedFirst.Count} first steps completed ({load.Acknowledged.Count} answered 2xx, {load.Unanswered} requests left without an answer by a kill or a node down), {second.Values.Sum()} second tasks, " +
            $"{fired.Values.Sum()} timer fires, {afterTimer.Values.Sum()} tasks after a timer, {receivedTasks.Values.Sum()} signals received");
    }

    /// <summary>The sender tasks spread evenly among the first steps, so signals are on their way when the kill comes.</summary>
    private static List<Guid> Interleave(IEnumerable<Guid> firstSteps, IEnumerable<Guid> senders)
    {
        var first = firstSteps.ToList();
        var send = senders.ToList();
        var every = Math.Max(1, first.Count / Math.Max(1, send.Count));
        var mixed = new List<Guid>(first.Count + send.Count);
        for (int i = 0, s = 0; i < first.Count || s < send.Count; i++)
        {
            if (i < first.Count) mixed.Add(first[i]);
            if ((i % every == every - 1 || i >= first.Count) && s < send.Count) mixed.Add(send[s++]);
        }
        return mixed;
    }

    /// <summary>Until no sent signal is stored undelivered and every receiver has its task (the restarted node's recovery delivers what the kill cut short).</summary>
    private static async Task WaitForAllSignalsAsync(EngineRows rows, Cluster cluster)
    {
        var clock = Stopwatch.StartNew();
        while (await rows.UndeliveredSignalsAsync() > 0 || (await rows.TasksOfStepAsync(ReliabilityFlows.Received)).Count < SignalPairs)
        {
            Assert.True(clock.Elapsed < Patience, $"signals still undelivered {Patience.TotalSeconds} s after the restart\n{cluster.OutputTails()}");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForAllTimersAsync(EngineRows rows, Cluster cluster)
    {
        var clock = Stopwatch.StartNew();
        while (await rows.TimerBookmarksAsync() > 0)
        {
            Assert.True(clock.Elapsed < Patience, $"timers still waiting {Patience.TotalSeconds} s after the restart\n{cluster.OutputTails()}");
            await Task.Delay(200);
        }
    }
}
