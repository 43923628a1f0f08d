using System.Diagnostics;
using Xunit.Abstractions;

namespace ProcessEngine.Reliability.Tests.Support;

/// <summary>
/// Kills (kill -9) nodes of a cluster at moments of a running <see cref="CompletionLoad"/>: a moment is waited for, then a
/// running node drawn from the seeded <paramref name="random"/> dies. Each kill is written to the test output with what
/// had happened by then, so a failure can be read back to the moment that caused it.
/// </summary>
public sealed class KillSeries(Cluster cluster, EngineRows rows, CompletionLoad load, Random random, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    /// <summary>Until <paramref name="count"/> completions were answered 2xx (or the load ran out, which the kill then reports).</summary>
    public async Task<string> UntilAcknowledgedAsync(int count)
    {
        await WaitAsync(() => Task.FromResult(load.Acknowledged.Count >= count), $"{count} completions answered");
        return $"after {count} answered completions";
    }

    /// <summary>Until the first timer fired, then <paramref name="milliseconds"/> more.</summary>
    public async Task<string> UntilTimersFireAsync(int milliseconds)
    {
        await WaitAsync(async () => (await rows.TasksOfStepAsync(ReliabilityFlows.AfterTimer)).Count > 0, "the first timer to fire");
        await Task.Delay(milliseconds);
        return $"{milliseconds} ms after the first timer fired";
    }

    /// <summary>Kills a running node at once; starts it again before returning when <paramref name="restart"/>.</summary>
    public async Task<HostProcess> KillAsync(string name, string moment, bool restart)
    {
        Assert.True(load.Unsettled > 0, $"kill '{name}' would come after the load had finished: it would prove nothing about a crash mid-load");
        // A kill between two requests proves less than one under a request: wait (briefly) for one on its way.
        var waiting = Stopwatch.StartNew();
        while (load.InFlight == 0 && waiting.ElapsedMilliseconds < 2000) await Task.Delay(1);
        var running = cluster.Nodes.Where(n => n.IsRunning).ToList();
        var victim = running[random.Next(running.Count)];
        var onTheirWay = load.InFlight;
        victim.Kill();
        var fired = (await rows.TasksOfStepAsync(ReliabilityFlows.AfterTimer)).Count;
        output.WriteLine($"kill '{name}': {victim.Name} killed {moment}; {load.Acknowledged.Count} completions answered, {load.Unsettled} open, {onTheirWay} requests on their way at the kill, " +
            $"{fired} timers fired, {await rows.UndeliveredSignalsAsync()} signals stored undelivered");
        if (!restart) return victim;
        var clock = Stopwatch.StartNew();
        await victim.RestartAsync();
        output.WriteLine($"kill '{name}': {victim.Name} healthy again after {clock.Elapsed.TotalSeconds:F1} s");
        return victim;
    }

    private async Task WaitAsync(Func<Task<bool>> reached, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await reached() && load.Unsettled > 0)
        {
            Assert.True(clock.Elapsed < Patience, $"waited {Patience.TotalSeconds} s for {what} ({load.Acknowledged.Count} answered, {load.Unsettled} open)\n" +
                cluster.OutputTails());
            await Task.Delay(50);
        }
    }
}
