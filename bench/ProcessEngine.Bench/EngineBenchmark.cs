using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ProcessEngine.Bench;

/// <summary>The <c>engine</c> command: both engine benchmarks in one process, then the RESULT lines and the targets.</summary>
internal static class EngineBenchmark
{
    private const int IssueInstances = 2_000;
    private const int IssueRuns = 10_000;
    private const double RatioTarget = 0.5;
    private const double BytesPerRunTarget = 25_600;
    private const int Block = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var instances, out var runs, out var breakdown)) return Usage();
        PrintMachine(instances, runs);

        var folder = Directory.CreateTempSubdirectory("processengine-bench-").FullName;
        try
        {
            var (ours, floor) = await RunStepsAsync(folder, instances, breakdown);
            Console.WriteLine($"  engine: {ours.Steps} steps in {ours.Elapsed.TotalSeconds:F2} s timed");
            Console.WriteLine($"  floor:  {floor.Steps} steps in {floor.Elapsed.TotalSeconds:F2} s timed");

            Console.WriteLine($"engine-inmemory: 10 SetVariable steps, {runs} runs after a warm-up of {WarmUp(runs)}");
            var inMemory = await InMemoryRunsBenchmark.RunAsync(WarmUp(runs), runs);
            Console.WriteLine($"  {inMemory.Runs} runs in {inMemory.Elapsed.TotalSeconds:F2} s, {inMemory.Bytes:N0} bytes allocated");

            var ratio = ours.PerSecond / floor.PerSecond;
            Console.WriteLine(Invariant($"RESULT engine-steps ours={ours.PerSecond:F0} floor={floor.PerSecond:F0} ratio={ratio:F2}"));
            Console.WriteLine(Invariant($"RESULT engine-inmemory runs-per-s={inMemory.RunsPerSecond:F0} bytes-per-run={inMemory.BytesPerRun:F0}"));
            if (ratio < RatioTarget) Console.WriteLine(Invariant($"TARGET MISSED: engine-steps ratio {ratio:F2} < {RatioTarget:F1}"));
            if (inMemory.BytesPerRun > BytesPerRunTarget)
                Console.WriteLine(Invariant($"TARGET MISSED: engine-inmemory bytes-per-run {inMemory.BytesPerRun:F0} > {BytesPerRunTarget:F0}"));
            if (instances < IssueInstances || runs < IssueRuns)
                Console.WriteLine($"NOTE: quick run; the issue's figures need at least {IssueInstances} instances and {IssueRuns} runs.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Engine and floor run alternately, a block of instances each, so that a change in the disk's fsync
    /// speed during the run (other I/O, the page cache being written back) hits both sides alike instead of
    /// skewing the ratio.
    /// </summary>
    private static async Task<(StepsResult Ours, StepsResult Floor)> RunStepsAsync(string folder, int instances, bool breakdown)
    {
        var engineFile = Path.Combine(folder, "engine.db");
        var floorFile = Path.Combine(folder, "floor.db");
        Console.WriteLine($"engine-steps: {instances} instances x {BenchFlows.Steps} human-task steps, alternating blocks of {Block}, SQLite files in {folder}");
        var ours = TimeSpan.Zero;
        var floor = TimeSpan.Zero;
        await using (var engine = await EngineStepsBenchmark.StartAsync(engineFile, instances, breakdown))
        using (var hand = await SqliteFloor.StartAsync(floorFile, instances))
        {
            for (var first = 0; first < instances; first += Block)
            {
                var count = Math.Min(Block, instances - first);
                ours += await engine.RunAsync(first, count);
                floor += hand.Run(first, count);
            }
            if (engine.Timings is { } store) Breakdown.Print(store, ours, hand, floor, (long)instances * BenchFlows.Steps);
        }
        SqliteConnection.ClearAllPools();
        RowCheck.RequireSameRows(engineFile, floorFile);
        long steps = (long)instances * BenchFlows.Steps;
        return (new StepsResult(steps, ours), new StepsResult(steps, floor));
    }

    private static int WarmUp(int runs) => Math.Min(2_000, runs);

    private static void PrintMachine(int instances, int runs)
    {
        Console.WriteLine("ProcessEngine engine benchmark");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}, GC {(GCSettings.IsServerGC ? "server" : "workstation")} {GCSettings.LatencyMode}");
#if DEBUG
        Console.WriteLine("  WARNING: Debug build; figures are only meaningful with -c Release.");
#endif
        Console.WriteLine($"  size: {instances} instances, {runs} in-memory runs");
    }

    private static bool TryParse(string[] args, out int instances, out int runs, out bool breakdown)
    {
        instances = IssueInstances;
        runs = IssueRuns;
        breakdown = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--breakdown") { breakdown = true; continue; }
            if (i + 1 == args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0) return false;
            switch (args[i++])
            {
                case "--instances": instances = value; break;
                case "--runs": runs = value; break;
                default: return false;
            }
        }
        return true;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ProcessEngine.Bench engine [--instances N (default 2000)] [--runs N (default 10000)] [--breakdown]");
        return 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
