using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using ProcessEngine.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests;

/// <summary>
/// Issue 8, item 3: kill -9 in the middle of a load of completions while timers come due. On PostgreSQL with
/// two nodes the other node finishes the work (the remaining completions go to it, the timers fire there)
/// before the killed one starts again; on SQLite, one process, the node starts again on the same file and
/// does the rest. Either way every completion that was answered 2xx is in the database, every timer fired
/// exactly once, and no instance moved twice — also after the restart. Each completion has exactly its audit line
/// (issue 15: one transaction per action), each task the nodes created has its prompt, and every signal a completed
/// step sent reached the flow waiting for it, once (a signal is stored with its sender's step and delivered after).
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
    /// fast this machine is: 800 completions at 15 a second take 53 s, the timers are due 35 s after preparation.
    /// </summary>
    private const double CompletionsPerSecond = 15;
    private static readonly TimeSpan TimersDueAfter = TimeSpan.FromSeconds(35);
    /// <summary>Completions answered before the kill, so the crash lands in a running load and not at its start.</summary>
    private const int AcknowledgedBeforeKill = 80;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Theory]
    [InlineData(HostDatabase.Sqlite, 1)]
    [InlineData(HostDatabase.PostgreSql, 2)]
    public async Task KillNineDuringCompletionsAndDueTimers_ThenRestart_NothingLostAndNothingDoneTwice(string provider, int nodes)
    {
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
        var victim = cluster.Nodes[0];
        var rows = new EngineRows(database);
        var firstSteps = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep);
        var senderSteps = await rows.TasksOfStepAsync(ReliabilityFlows.SenderStep);

        var acknowledged = new ConcurrentBag<Guid>();
        var (firedBeforeKill, acknowledgedBeforeKill) = await CompleteUntilKilledAsync(cluster, victim, rows,
            Interleave(firstSteps.Keys, senderSteps.Keys), acknowledged);
        output.WriteLine($"{victim.Name} of {nodes} killed with {acknowledgedBeforeKill} of {TwoStepInstances} completions acknowledged and {firedBeforeKill} of {Timers} timers fired");
        Assert.True(acknowledgedBeforeKill < TwoStepInstances && firedBeforeKill < Timers,
            "the kill came after the load had finished: this run proves nothing about a crash mid-load");

        output.WriteLine($"signals stored and not yet delivered right after the kill: {await rows.UndeliveredSignalsAsync()}");
        var restarting = Stopwatch.StartNew();
        if (cluster.Nodes.FirstOrDefault(n => n.IsRunning) is { } survivor)
        {
            // The other node finishes the work alone: the remaining completions, and every timer.
            var done = await FinishOpenFirstStepsAsync(survivor, rows);
            await WaitForAllTimersAsync(rows, cluster);
            await victim.RestartAsync();
            await WaitForAllSignalsAsync(rows, cluster);
            output.WriteLine($"{survivor.Name} finished {done} remaining completions and every timer, and {victim.Name} started again and every " +
                $"signal was delivered, within {restarting.Elapsed.TotalSeconds:F1} s of the kill");
        }
        else
        {
            await victim.RestartAsync();
            output.WriteLine($"restarted on the same file in {restarting.Elapsed.TotalSeconds:F1} s");
            var rest = await FinishOpenFirstStepsAsync(victim, rows);
            await WaitForAllTimersAsync(rows, cluster);
            await WaitForAllSignalsAsync(rows, cluster);
            output.WriteLine($"after the restart {rest} remaining completions done; every timer fired after {restarting.Elapsed.TotalSeconds:F1} s");
        }
        // The restarted node's recovery (due timers, prompts) ran before it was healthy: nothing of it may repeat work.
        Assert.True(cluster.Nodes.All(n => n.IsRunning), "a node is down after the restart\n" + cluster.OutputTails());

        // Nothing lost: each acknowledged completion is committed, and in the end every first step is done.
        var completedFirst = await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep, "Completed");
        var completedSenders = await rows.TasksOfStepAsync(ReliabilityFlows.SenderStep, "Completed");
        Assert.All(acknowledged, id => Assert.True(completedFirst.ContainsKey(id) || completedSenders.ContainsKey(id),
            $"task {id} was answered 2xx but is not completed"));
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
        output.WriteLine($"counts: {completedFirst.Count} first steps completed, {second.Values.Sum()} second tasks, " +
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

    /// <summary>
    /// Workers complete first steps (as prof1 and prof2, spread over the nodes) until <paramref name="victim"/> is
    /// killed, once timers have started to fire.
    /// </summary>
    private async Task<(int Fired, int Acknowledged)> CompleteUntilKilledAsync(Cluster cluster, HostProcess victim, EngineRows rows,
        IEnumerable<Guid> tasks, ConcurrentBag<Guid> acknowledged)
    {
        var signedIn = new List<ApiUser>();
        foreach (var node in cluster.Nodes)
        {
            signedIn.Add(await ApiUser.SignInAsync(node, "prof1"));
            signedIn.Add(await ApiUser.SignInAsync(node, "prof2"));
        }
        var queue = new ConcurrentQueue<Guid>(tasks);
        using var stop = new CancellationTokenSource();
        var killing = false;
        var pace = Stopwatch.StartNew();
        var issued = 0;
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var user = signedIn[w % signedIn.Count];
            while (!stop.IsCancellationRequested && queue.TryDequeue(out var id))
            {
                var slot = TimeSpan.FromSeconds(Interlocked.Increment(ref issued) / CompletionsPerSecond);
                var wait = slot - pace.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                try
                {
                    using var response = await user.Http.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = ReliabilityFlows.Done }, stop.Token);
                    if (response.IsSuccessStatusCode) acknowledged.Add(id);
                }
                catch (Exception) when (Volatile.Read(ref killing))
                {
                    // The node was killed under this request: whether it committed is what the counts afterwards show.
                }
            }
        })).ToList();

        var clock = Stopwatch.StartNew();
        int fired;
        while ((fired = (await rows.TasksOfStepAsync(ReliabilityFlows.AfterTimer)).Count) == 0 || acknowledged.Count < AcknowledgedBeforeKill)
        {
            Assert.True(clock.Elapsed < Patience, $"no kill moment within {Patience.TotalSeconds} s ({fired} timers fired, {acknowledged.Count} completions)\n" + cluster.OutputTails());
            await Task.Delay(100);
        }
        Volatile.Write(ref killing, true);
        victim.Kill();
        var acknowledgedAtKill = acknowledged.Count;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        foreach (var user in signedIn) user.Dispose();
        return (fired, acknowledgedAtKill);
    }

    /// <summary>After the restart: every first step and sender step still open is completed, each with a 2xx.</summary>
    private static async Task<int> FinishOpenFirstStepsAsync(HostProcess node, EngineRows rows)
    {
        using var prof1 = await ApiUser.SignInAsync(node, "prof1");
        var open = (await rows.TasksOfStepAsync(ReliabilityFlows.FirstStep, "Open"))
            .Concat(await rows.TasksOfStepAsync(ReliabilityFlows.SenderStep, "Open")).ToDictionary();
        var gate = new SemaphoreSlim(8);
        await Task.WhenAll(open.Keys.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await prof1.Http.PostAsJsonAsync($"/api/tasks/{id}/complete", new { outcome = ReliabilityFlows.Done });
                Assert.True(response.IsSuccessStatusCode, $"completing {id} after the restart: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            finally { gate.Release(); }
        }));
        return open.Count;
    }

    /// <summary>Until no sent signal is stored undelivered and every receiver has its task (the restarted node's recovery delivers what the kill cut short).</summary>
    private static async Task WaitForAllSignalsAsync(EngineRows rows, Cluster cluster)
    {
        var clock = Stopwatch.StartNew();
        while (await rows.UndeliveredSignalsAsync() > 0 || (await rows.TasksOfStepAsync(ReliabilityFlows.Received)).Count < SignalPairs)
        {
            Assert.True(clock.Elapsed < Patience, $"signals still undelivered 90 s after the restart\n{cluster.OutputTails()}");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForAllTimersAsync(EngineRows rows, Cluster cluster)
    {
        var clock = Stopwatch.StartNew();
        while (await rows.TimerBookmarksAsync() > 0)
        {
            Assert.True(clock.Elapsed < Patience, $"timers still waiting 90 s after the restart\n{cluster.OutputTails()}");
            await Task.Delay(200);
        }
    }
}
