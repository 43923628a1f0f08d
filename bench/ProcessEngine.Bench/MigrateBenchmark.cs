using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Bench;

/// <summary>
/// The <c>migrate</c> command: instances of the twenty-activity flow (<see cref="MigrateFlows"/>) waiting at mixed activities
/// on a SQLite file, version 2 published, then all of them previewed and moved through <see cref="InstanceMigrator"/>, with
/// the engine's durable steps per second measured in the same process, on the same file, in blocks that alternate with
/// the moves (so a change in the disk's fsync speed during the run hits both sides alike).
/// </summary>
internal static class MigrateBenchmark
{
    private const int IssueInstances = 10_000;
    private const int PreviewPage = 500;
    private const int Blocks = 10;
    private const double RatioTarget = 0.5;
    private const double PreviewTarget = 5_000;
    /// <summary>Set-up only: instances started and moved forward side by side, so one's CPU work overlaps another's fsync.</summary>
    private const int SetUpWorkers = 4;
    private const string User = "bench-user";

    /// <summary>One kind of instance: the route the Decision takes, what is done to it after the start, and where it then waits (v1 ids).</summary>
    internal sealed record Scenario(string Route, Move[] Moves, string[] WaitsAt);
    internal sealed record Move(string? Task = null, string? Signal = null);

    /// <summary>Instance i is <c>Mix[i % 10]</c>: tasks, timers, signals and a fork whose join has 0, 1 or 2 of its 3 branches in.</summary>
    internal static readonly Scenario[] Mix =
    [
        new("taak", [], ["intake"]),
        new("taak", [new(Task: "Intake")], ["beoordelen"]),
        new("taak", [new(Task: "Intake"), new(Task: "Beoordelen")], ["besluit"]),
        new("timer", [], ["termijn"]),
        new("signaal", [], ["rapport"]),
        new("signaal", [new(Signal: MigrateFlows.ReportSignal)], ["rapport-lezen"]),
        new("parallel", [], ["akkoord", "bedenktijd", "overleg"]),
        new("parallel", [new(Signal: MigrateFlows.AgreeSignal)], ["bedenktijd", "overleg", "samen"]),
        new("parallel", [new(Signal: MigrateFlows.AgreeSignal), new(Task: "Overleggen")], ["bedenktijd", "samen"]),
        new("taak", [new(Task: "Intake"), new(Task: "Beoordelen"), new(Task: "Besluiten")], ["nazorg"]),
    ];

    public static string CorrelationId(int instance) => $"migrate-{instance:D6}";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var instances, out var breakdown)) return Usage();
        // The steps side: a twentieth of the instances, at least 50 and at most 500 (5,000 steps at full size).
        var stepInstances = Math.Clamp(instances / 20, 50, 500);
        PrintMachine(instances, stepInstances);

        var folder = Directory.CreateTempSubdirectory("processengine-bench-").FullName;
        var file = Path.Combine(folder, "migrate.db");
        try
        {
            var timers = new CountingTimers();
            TimedStore? timedStore = null;
            TimedMigrationStore? timedLoads = null;
            await using var provider = BenchEngine.Build(s =>
            {
                s.AddSqliteWorkflowStore($"Data Source={file}");
                if (!breakdown) return;
                s.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(p => timedStore = new TimedStore(ActivatorUtilities.CreateInstance<EfWorkflowStore>(p))));
                s.Replace(ServiceDescriptor.Singleton<IInstanceMigrationStore>(p =>
                    timedLoads = new TimedMigrationStore(ActivatorUtilities.CreateInstance<EfInstanceMigrationStore>(p))));
            }, timers);
            await provider.MigrateWorkflowDatabaseAsync();
            var runtime = provider.GetRequiredService<WorkflowRuntime>();
            var store = provider.GetRequiredService<IWorkflowStore>();
            var migrator = provider.GetRequiredService<InstanceMigrator>();
            var migrations = provider.GetRequiredService<IInstanceMigrationStore>();

            Console.WriteLine($"set-up (not timed): {instances} instances of '{MigrateFlows.Id}' v1 on {file}");
            var setUp = Stopwatch.StartNew();
            await ImportAsync(provider, MigrateFlows.Version1, 1);
            await StartInstancesAsync(runtime, store, instances);
            await ImportAsync(provider, MigrateFlows.Version2, 2);
            var moves = Enumerable.Range(0, instances).Sum(i => Mix[i % Mix.Length].Moves.Length);
            Console.WriteLine($"  {instances} starts and {moves} tasks/signals completed through the engine in {setUp.Elapsed.TotalSeconds:F1} s; v2 published");
            var active = await migrations.CountActiveByVersionAsync(MigrateFlows.Id);
            if (active.Count != 1 || active.GetValueOrDefault(1) != instances)
                return Fail($"after set-up expected {instances} active instances on v1, found {MigrateChecks.Describe(active)}");

            await using var steps = await EngineStepsBenchmark.StartAsync(file, stepInstances, breakdown: false);
            Console.WriteLine($"  steps side: {stepInstances} instances of '{BenchFlows.StepsId}' waiting on task 1, same file");

            var plan = await migrator.ResolveAsync(MigrateFlows.Plan);
            var explicitMappings = plan.Mappings.Count(m => m.Explicit);
            Console.WriteLine($"  plan resolved: {plan.Mappings.Count} waiting activities placed, {explicitMappings} named in the plan, the rest by id");

            // (b) The preview: every instance, in pages of 500, as a coordinator's screen pages through it. The preview writes
            // nothing, so its first page is run once beforehand, untimed, as a warm-up (the JIT, EF Core's query compilation,
            // Jint's first engine): the figure is the preview's throughput, not the process's start-up. What that page took is printed.
            var warmUp = Stopwatch.StartNew();
            var warmUpCount = (await migrator.PreviewAsync(plan, Guid.Empty, PreviewPage)).Count;
            Console.WriteLine($"preview warm-up (not in the figure): the first page, {warmUpCount} instances, in {warmUp.Elapsed.TotalSeconds:F2} s");
            timedStore?.Reset();
            timedLoads?.Reset();
            var impacts = new List<InstanceImpact>(instances);
            var previewWatch = Stopwatch.StartNew();
            for (var after = Guid.Empty; ;)
            {
                var page = await migrator.PreviewAsync(plan, after, PreviewPage);
                impacts.AddRange(page);
                if (page.Count < PreviewPage) break;
                after = page[^1].InstanceId;
            }
            previewWatch.Stop();
            var preview = new StepsResult(impacts.Count, previewWatch.Elapsed);
            Console.WriteLine($"preview: {impacts.Count} instances in {preview.Elapsed.TotalSeconds:F2} s ({(instances + PreviewPage - 1) / PreviewPage} pages of {PreviewPage})");
            if (timedLoads is not null)
                Console.WriteLine($"  breakdown, ms per instance: LoadActiveAsync {PerItem(timedLoads.LoadActive, impacts.Count):F3}"
                    + $" + planning {preview.Elapsed.TotalMilliseconds / impacts.Count - PerItem(timedLoads.LoadActive, impacts.Count):F3}");
            if (MigrateChecks.CheckPreview(impacts, instances) is { } wrongPreview) return Fail(wrongPreview);
            MigrateChecks.PrintMix(impacts);

            // (a) and (c), alternating blocks: a tenth of the moves, then a tenth of the steps side's instances.
            // (a) is EngineStepsBenchmark.RunAsync, the code the engine benchmark times. One durable step is one
            // WorkflowRuntime.CompleteTaskAsync on the ten-task flow, the calls made one after the other: load the task, the
            // instance and its bookmarks, complete the task, run the flow on to the next task, and commit all of it in one
            // SQLite transaction (WAL, synchronous=FULL), then publish the notifications. Finding the open task's id is not timed.
            // (c) times each MigrateAsync call whole: load the instance with its bookmarks and tasks, check its version against
            // the preview's, plan the move, commit it in one transaction, schedule the recomputed timer, publish the notifications.
            Console.WriteLine($"migrate + engine steps: {Blocks} alternating blocks, each ~{instances / Blocks} moves then ~{stepInstances / Blocks} x {BenchFlows.Steps} task steps");
            timedStore?.Reset();
            timedLoads?.Reset();
            var timersBefore = timers.Count;
            var migrateTime = TimeSpan.Zero;
            var stepsTime = TimeSpan.Zero;
            var moveWatch = new Stopwatch();
            for (var block = 0; block < Blocks; block++)
            {
                foreach (var impact in Slice(impacts, block))
                {
                    moveWatch.Restart();
                    var result = await migrator.MigrateAsync(plan, impact.InstanceId, impact.InstanceVersion, "benchmark");
                    moveWatch.Stop();
                    migrateTime += moveWatch.Elapsed;
                    if (result.Outcome != MigrationOutcome.Moved)
                        return Fail($"instance {impact.CorrelationId} was not moved: {result.Outcome} {result.Message}");
                }
                var (first, count) = Range(stepInstances, block);
                if (count > 0) stepsTime += await steps.RunAsync(first, count);
            }
            var migrate = new StepsResult(instances, migrateTime);
            var engineSteps = new StepsResult((long)stepInstances * BenchFlows.Steps, stepsTime);
            Console.WriteLine($"  migrate: {migrate.Steps} instances in {migrate.Elapsed.TotalSeconds:F2} s timed");
            Console.WriteLine($"  engine:  {engineSteps.Steps} steps in {engineSteps.Elapsed.TotalSeconds:F2} s timed");
            if (timedStore is not null && timedLoads is not null)
            {
                var loadMs = PerItem(timedLoads.Load, instances);
                var commitMs = PerItem(timedStore.Commit, instances);
                var totalMs = migrate.Elapsed.TotalMilliseconds / instances;
                Console.WriteLine($"  breakdown, ms per move: {totalMs:F3} = LoadAsync {loadMs:F3} + Commit {commitMs:F3} + engine code (plan, notifications) {totalMs - loadMs - commitMs:F3}");
            }

            // Not timed: every instance on version 2 with one migration journal line, and the plan did what it says.
            var rescheduled = timers.Count - timersBefore;
            if (await MigrateChecks.VerifyAsync(migrations, file, instances, rescheduled) is { } wrong) return Fail(wrong);

            var ratio = migrate.PerSecond / engineSteps.PerSecond;
            Console.WriteLine(Invariant($"RESULT migrate preview-per-s={preview.PerSecond:F0} migrate-per-s={migrate.PerSecond:F0} ratio={ratio:F2} steps-per-s={engineSteps.PerSecond:F0}"));
            var ratioMet = ratio >= RatioTarget;
            var previewMet = preview.PerSecond >= PreviewTarget;
            Console.WriteLine(Invariant($"targets: ratio >= {RatioTarget:F1} (moving an instance costs at most two durable steps): {(ratioMet ? "met" : "NOT met")} ({ratio:F2}); ")
                + Invariant($"preview >= {PreviewTarget:N0} instances/s: {(previewMet ? "met" : "NOT met")} ({preview.PerSecond:N0}/s)"));
            if (!ratioMet) Console.WriteLine(Invariant($"TARGET MISSED: migrate ratio {ratio:F2} < {RatioTarget:F1}"));
            if (!previewMet) Console.WriteLine(Invariant($"TARGET MISSED: migrate preview-per-s {preview.PerSecond:F0} < {PreviewTarget:F0}"));
            if (instances < IssueInstances) Console.WriteLine($"NOTE: quick run; the issue's figures need {IssueInstances} instances.");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ImportAsync(IServiceProvider provider, string json, int expectedVersion)
    {
        var imported = await provider.GetRequiredService<WorkflowDefinitionService>().ImportAsync(json);
        if (!imported.Succeeded) throw new InvalidOperationException("Migrate flow rejected: " + string.Join("; ", imported.Errors));
        if (imported.Record!.Version != expectedVersion || !imported.Record.IsPublished)
            throw new InvalidOperationException($"Expected '{MigrateFlows.Id}' published as version {expectedVersion}, got version {imported.Record.Version}.");
    }

    /// <summary>
    /// Set-up through the real engine (each start, task completion and signal its own pass and commit, as a host makes
    /// them), four instances at a time: the change writer still commits one pass at a time, but the next pass's reads and
    /// expressions run while the disk syncs the last one.
    /// </summary>
    private static Task StartInstancesAsync(WorkflowRuntime runtime, IWorkflowStore store, int instances) =>
        Parallel.ForEachAsync(Enumerable.Range(0, instances), new ParallelOptions { MaxDegreeOfParallelism = SetUpWorkers }, async (i, ct) =>
        {
            var scenario = Mix[i % Mix.Length];
            var correlation = CorrelationId(i);
            var started = await runtime.StartAsync(MigrateFlows.Id, new Dictionary<string, object?> { ["nr"] = i, ["route"] = scenario.Route }, correlation, ct: ct);
            if (started.Status != WorkflowStatus.Suspended) throw new InvalidOperationException($"Instance {i} started {started.Status}.");
            foreach (var move in scenario.Moves)
            {
                if (move.Signal is { } signal)
                {
                    var resumed = await runtime.SignalAsync(signal, correlation, ct: ct);
                    if (resumed != 1) throw new InvalidOperationException($"Instance {i}: signal '{signal}' resumed {resumed} bookmarks.");
                    continue;
                }
                var open = await store.FindOpenTasksAsync(new TaskQuery(CorrelationId: correlation, Take: 5), ct);
                var task = open.SingleOrDefault(t => t.Title == move.Task)
                    ?? throw new InvalidOperationException($"Instance {i}: no open task '{move.Task}' (open: {string.Join(", ", open.Select(t => t.Title))}).");
                var result = await runtime.CompleteTaskAsync(task.Id, MigrateFlows.Outcome, user: User, ct: ct);
                if (result.Outcome != ResumeOutcome.Resumed || result.Status != WorkflowStatus.Suspended)
                    throw new InvalidOperationException($"Instance {i}: completing '{move.Task}' gave {result}.");
            }
        });

    private static IEnumerable<InstanceImpact> Slice(List<InstanceImpact> impacts, int block)
    {
        var (first, count) = Range(impacts.Count, block);
        return impacts.Skip(first).Take(count);
    }

    /// <summary>Block <paramref name="block"/> of <see cref="Blocks"/> near-equal blocks of <paramref name="total"/>.</summary>
    private static (int First, int Count) Range(int total, int block)
    {
        var first = (int)((long)total * block / Blocks);
        return (first, (int)((long)total * (block + 1) / Blocks) - first);
    }

    private static double PerItem(long ticks, int items) => Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / items;

    private static int Fail(string why)
    {
        Console.WriteLine($"FAILED: {why}");
        return 1;
    }

    /// <summary>
    /// The flow's timers are months away and never fire during the run; the engine's calls are counted (the moves must
    /// reschedule exactly the recomputed timers) and nothing else is done, as the engine benchmark does no Hangfire work either.
    /// </summary>
    private sealed class CountingTimers : ITimerScheduler
    {
        private int _count;
        public int Count => Volatile.Read(ref _count);
        public void Schedule(Guid timerId, DateTimeOffset dueAt) => Interlocked.Increment(ref _count);
    }

    private static void PrintMachine(int instances, int stepInstances)
    {
        Console.WriteLine("ProcessEngine migrate benchmark");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        Console.WriteLine($"  runtime: {RuntimeInformation.FrameworkDescription}, GC {(GCSettings.IsServerGC ? "server" : "workstation")} {GCSettings.LatencyMode}");
#if DEBUG
        Console.WriteLine("  WARNING: Debug build; figures are only meaningful with -c Release.");
#endif
        Console.WriteLine($"  size: {instances} instances to move, {stepInstances} x {BenchFlows.Steps} engine steps to compare with");
        // What a durable step is: see the comment above the alternating blocks in RunAsync.
        Console.WriteLine("  durable step: one CompleteTaskAsync on the ten-task flow (load, run to the next task, one synchronous=FULL commit), sequential");
    }

    private static bool TryParse(string[] args, out int instances, out bool breakdown)
    {
        instances = IssueInstances;
        breakdown = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--breakdown") { breakdown = true; continue; }
            if (args[i] != "--instances" || i + 1 == args.Length
                || !int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out instances) || instances <= 0) return false;
        }
        return true;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ProcessEngine.Bench migrate [--instances N (default 10000)] [--breakdown]");
        return 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
