using ProcessEngine.Workflows.EntityFramework;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Synthetic;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;

namespace ProcessEngine.Bench;

/// <summary>
/// `dashboard`: the four queries a working day leans on — a professional's inbox (own tasks and the
/// team's), the overdue list, the stuck list with the shipped step norms, the half-year figures — on a
/// database of 2,500 trajecten (the baseline) and on one of 250,000, both generated in this run by the
/// `generate` machinery (real engine shapes, copied through the store) and kept between runs (see
/// <see cref="GeneratedDatabaseCache"/>; `--fresh` generates again). Beside them, apart from their sum, the studio's heat map
/// of the traject flow (where its running instances wait). Each figure is the median of many
/// timed runs after a warm-up; the last line compares the sums.
/// </summary>
internal static class DashboardBenchmark
{
    private const int WarmUp = 5;
    private const int Runs = 31;
    private const int Years = 5;
    private const int Seed = 7;
    private const string HeatMap = "heat map (traject)";

    public static async Task<int> RunAsync(string[] args)
    {
        var small = Option(args, "--small", 2_500);
        var large = Option(args, "--large", 250_000);
        var fresh = args.Contains("--fresh");
        var norms = StepNormsFromHostSettings();
        var smallTimes = await MeasureAsync(small, norms, fresh);
        var largeTimes = await MeasureAsync(large, norms, fresh);
        Console.WriteLine();
        Console.WriteLine($"{"query",-22} {small,12:N0} {large,12:N0} {"growth",8}  (median ms, trajecten)");
        foreach (var (name, ms) in smallTimes)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-22} {ms,12:F2} {largeTimes[name],12:F2} {largeTimes[name] / ms,8:F2}"));
        // The dashboard's sum stays the four queries it always was, so its figure compares with earlier runs; the heat map has its own line.
        var smallSum = smallTimes.Where(t => t.Key != HeatMap).Sum(t => t.Value);
        var largeSum = largeTimes.Where(t => t.Key != HeatMap).Sum(t => t.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT dashboard-growth small={smallSum:F2} large={largeSum:F2} ratio={largeSum / smallSum:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT heatmap-growth small={smallTimes[HeatMap]:F2} large={largeTimes[HeatMap]:F2} ratio={largeTimes[HeatMap] / smallTimes[HeatMap]:F2}"));
        return 0;
    }

    private static async Task<Dictionary<string, double>> MeasureAsync(int trajecten, IReadOnlyList<(string Flow, string Step, int Days)> norms, bool fresh)
    {
        var now = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
        var cache = GeneratedDatabaseCache.For(trajecten, Years, Seed);
        if (fresh) cache.Forget();
        await using var services = Build(cache.DatabasePath, now);
        await services.MigrateWorkflowDatabaseAsync();
        await services.MigrateRvtDomainAsync();
        if (cache.IsComplete)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reusing {trajecten:N0} generated trajecten from {cache.DatabasePath} ({cache.SizeInMegabytes:F0} MB; --fresh generates again)"));
        }
        else
        {
            var definitions = services.GetRequiredService<WorkflowDefinitionService>();
            foreach (var file in GeneratedDatabaseCache.FlowFiles())
                if (!(await definitions.ImportAsync(await File.ReadAllTextAsync(file))).Succeeded) throw new InvalidOperationException($"{file} does not load.");
            var generating = Stopwatch.StartNew();
            var report = await services.GetRequiredService<TrajectGenerator>().GenerateAsync(new GenerateOptions(trajecten, Years, Seed, BatchSize: 1000));
            cache.MarkComplete();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {report.Trajecten:N0} trajecten ({report.Open:N0} open, {report.Faulted} faulted) in {generating.Elapsed.TotalSeconds:F0} s, " +
                $"database {cache.SizeInMegabytes:F0} MB"));
        }

        var store = services.GetRequiredService<IWorkflowStore>();
        var monitoring = services.GetRequiredService<IWorkflowMonitoring>();
        var cijfers = services.GetRequiredService<HalfjaarcijfersService>();
        var rule = new StuckRule([.. norms.Select(n => new StepNorm(n.Flow, n.Step, now.AddDays(-n.Days)))], now.AddDays(-30));
        return new Dictionary<string, double>
        {
            ["inbox"] = await MedianAsync(async () =>
            {
                await store.FindOpenTasksAsync(new TaskQuery(Assignee: "prof1", Take: 50));
                await store.FindOpenTasksAsync(new TaskQuery(CandidateGroups: ["RvtChair"], UnassignedOnly: true, Take: 50));
            }),
            ["overdue list"] = await MedianAsync(() => monitoring.FindOverdueTasksAsync(now, TaskFilter.All, 0, 100)),
            ["stuck list"] = await MedianAsync(() => monitoring.FindStuckTasksAsync(rule, 0, 100)),
            ["halfjaarcijfers"] = await MedianAsync(() => cijfers.ForYearAsync(2026)),
            // The studio's heat map of the traject flow, the one most instances wait in; measured apart from the sum above.
            [HeatMap] = await MedianAsync(() => monitoring.SummarizeWaitingAsync("rvt-traject", now)),
        };
    }

    private static ServiceProvider Build(string path, DateTimeOffset now)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMediator();
        services.AddSingleton<TimeProvider>(new FixedClock(now));
        services.AddWorkflowEngine(registry => registry.AddRvtActivities());
        services.AddSqliteWorkflowStore($"Data Source={path}");
        services.AddRvtDomain($"Data Source={path}");
        services.AddSyntheticData();
        services.AddSingleton<Workflows.Scheduling.ITimerScheduler, IgnoredTimers>();
        return services.BuildServiceProvider();
    }

    private static async Task<double> MedianAsync(Func<Task> query)
    {
        for (var i = 0; i < WarmUp; i++) await query();
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await query();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Runs / 2];
    }

    /// <summary>The step norms the host ships (src/Host/appsettings.json, Reports:StepNorms), so the stuck list asks what the host asks.</summary>
    private static List<(string, string, int)> StepNormsFromHostSettings()
    {
        var settings = Path.Combine(AppContext.BaseDirectory, "host-appsettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(settings));
        return [.. json.RootElement.GetProperty("Reports").GetProperty("StepNorms").EnumerateObject()
            .Select(p => p.Name.Split('/') is [var flow, var step] ? (flow, step, p.Value.GetInt32()) : throw new InvalidDataException(p.Name))];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Generated data is written through the store, never run: no timer is scheduled (and none would fire in a benchmark).</summary>
    private sealed class IgnoredTimers : Workflows.Scheduling.ITimerScheduler
    {
        public void Schedule(Guid timerId, DateTimeOffset dueAt) { }
    }
}
