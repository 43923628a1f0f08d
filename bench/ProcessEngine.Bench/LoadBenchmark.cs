using System.Diagnostics;
using System.Globalization;
using ProcessEngine.Reliability;

namespace ProcessEngine.Bench;

/// <summary>
/// `load`: 50 simulated professionals (sign in, inbox, team inbox, claim, complete) for 60 seconds against a
/// real host process on a fresh SQLite file, then against two host processes on a fresh PostgreSQL database
/// (users spread over the nodes), each prepared with more open tasks than they can finish; a RESULT line per
/// set-up, the last one for the two nodes (`--provider Sqlite|PostgreSql [--nodes N]` runs one set-up). Each set-up also prints
/// the nodes' own count of commits and statements per kind of call, and the engine's durable steps/s measured first in this process. The driver,
/// the host process and the preparation are the reliability suite's (tools/Reliability.Harness), so the
/// benchmark measures exactly what the suite's load test asserts on.
/// </summary>
internal static class LoadBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 60);
        var users = Option(args, "--users", 50);
        var index = Array.IndexOf(args, "--provider");
        // Both set-ups of the issue by default: one node on SQLite, then two nodes on PostgreSQL.
        var setups = index >= 0 && index + 1 < args.Length
            ? [(args[index + 1], Option(args, "--nodes", args[index + 1] == HostDatabase.PostgreSql ? 2 : 1))]
            : new[] { (HostDatabase.Sqlite, 1), (HostDatabase.PostgreSql, 2) };
        var engineStepsPerSecond = await EngineStepsPerSecondAsync();
        var errors = 0;
        foreach (var (provider, nodes) in setups) errors += await RunOneAsync(provider, nodes, users, seconds, engineStepsPerSecond);
        return errors == 0 ? 0 : 1;
    }

    /// <summary>
    /// The engine alone in this process, on a SQLite file: durable steps (task completions) per second, one after
    /// the other. Beside the API's completions per second it shows what the layers above the engine cost.
    /// </summary>
    private static async Task<double> EngineStepsPerSecondAsync()
    {
        const int instances = 100;
        var folder = Directory.CreateTempSubdirectory("load-engine-");
        try
        {
            await using var engine = await EngineStepsBenchmark.StartAsync(Path.Combine(folder.FullName, "engine.db"), instances, breakdown: false);
            await engine.RunAsync(0, 10); // warm-up: the first steps pay for JIT and the first prepared statements
            var elapsed = await engine.RunAsync(10, instances - 10);
            var perSecond = (instances - 10) * BenchFlows.Steps / elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"engine alone (SQLite, this process): {perSecond:F0} durable steps/s over {(instances - 10) * BenchFlows.Steps} steps"));
            return perSecond;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<int> RunOneAsync(string provider, int nodes, int users, int seconds, double engineStepsPerSecond)
    {
        // Two tasks per instance; well above what the users finish (one node on SQLite took all 6,000 of 50 per second
        // in under a minute, which capped its figure at what there was to do), so they never run dry.
        var instances = Math.Max(500, seconds * 150);
        await using var database = await HostDatabase.NewAsync(provider, "load-bench");
        var preparing = Stopwatch.StartNew();
        await using (var work = await PreparedWork.OpenAsync(database)) await work.StartTwoStepsAsync(instances, "load");
        Console.WriteLine($"== {provider}, {nodes} node(s): prepared {instances * 2:N0} open tasks ({instances:N0} instances) in {preparing.Elapsed.TotalSeconds:F0} s");
        await using var cluster = await Cluster.StartAsync(database, nodes);
        Console.WriteLine($"host {HostProcess.HostDll} on {string.Join(", ", cluster.Nodes.Select(n => n.Address))}; {users} users for {seconds} s");

        using var databaseWork = await NodeDatabaseWork.SignInAsync(cluster);
        var before = await databaseWork.ReadAsync();
        var result = await LoadDriver.RunAsync(cluster, new LoadOptions(users, TimeSpan.FromSeconds(seconds)));
        var after = await databaseWork.ReadAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Completions} completions, {result.Conflicts} lost races (409), {result.Requests} requests in {result.Elapsed.TotalSeconds:F1} s"));
        Console.WriteLine("p95 per call: " + string.Join(", ", result.P95MsByCall.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value:F0} ms"))));
        foreach (var error in result.ErrorSamples) Console.WriteLine("error: " + error);
        NodeDatabaseWork.Print(before, after, result.Completions);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"engine alone {engineStepsPerSecond:F0} steps/s against {result.CompletionsPerSecond:F1} completions/s through the API: {engineStepsPerSecond / Math.Max(0.1, result.CompletionsPerSecond):F0}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT load completions-per-s={result.CompletionsPerSecond:F1} p95-ms={result.P95Ms:F0} errors={result.Errors} commits-per-completion={NodeDatabaseWork.CommitsPerCompletion(before, after, result.Completions):F2}"));
        return result.Errors;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
