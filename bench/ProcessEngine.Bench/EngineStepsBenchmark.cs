using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

/// <summary>
/// Part 1, the engine side: instances of the ten-task flow on a SQLite file, each task completed through
/// <see cref="WorkflowRuntime.CompleteTaskAsync"/>, one instance after the other, its tasks in order.
/// </summary>
internal sealed class EngineStepsBenchmark : IAsyncDisposable
{
    public const string User = "bench-user";
    /// <summary>What the person "fills in" on every task; the floor writes the same ResultJson.</summary>
    public static readonly IReadOnlyDictionary<string, object?> Data = new Dictionary<string, object?> { ["opmerking"] = "ok" };

    private readonly ServiceProvider _provider;
    private readonly WorkflowRuntime _runtime;
    private readonly IWorkflowStore _store;

    private EngineStepsBenchmark(ServiceProvider provider)
    {
        _provider = provider;
        _runtime = provider.GetRequiredService<WorkflowRuntime>();
        _store = provider.GetRequiredService<IWorkflowStore>();
        Timings = _store as TimedStore;
    }

    /// <summary>With <c>--breakdown</c>: the store's share of the timed steps.</summary>
    public TimedStore? Timings { get; }

    public static string CorrelationId(int instance) => $"bench-{instance:D6}";

    /// <summary>Set-up, not timed: the file migrated, the flow published, every instance started and waiting on task 1.</summary>
    public static async Task<EngineStepsBenchmark> StartAsync(string file, int instances, bool breakdown)
    {
        var provider = BenchEngine.Build(s =>
        {
            s.AddSqliteWorkflowStore($"Data Source={file}");
            if (breakdown) s.Replace(ServiceDescriptor.Singleton<IWorkflowStore>(p => new TimedStore(ActivatorUtilities.CreateInstance<EfWorkflowStore>(p))));
        });
        await provider.MigrateWorkflowDatabaseAsync();
        var imported = await provider.GetRequiredService<WorkflowDefinitionService>().ImportAsync(BenchFlows.StepsJson());
        if (!imported.Succeeded) throw new InvalidOperationException("Steps flow rejected: " + string.Join("; ", imported.Errors));
        var bench = new EngineStepsBenchmark(provider);
        for (var i = 0; i < instances; i++) await bench._runtime.StartAsync(BenchFlows.StepsId, correlationId: CorrelationId(i));
        bench.Timings?.Reset();
        return bench;
    }

    /// <summary>
    /// Completes every task of instances [first, first + count). Timed: exactly the CompleteTaskAsync calls
    /// (load task, instance and bookmarks, run, commit, publish). Not timed: finding the open task's id,
    /// which a real caller has from its inbox page beforehand and which the floor does not do either.
    /// </summary>
    public async Task<TimeSpan> RunAsync(int first, int count)
    {
        var timed = new Stopwatch();
        for (var i = first; i < first + count; i++)
        {
            var query = new TaskQuery(CorrelationId: CorrelationId(i), Take: 2);
            for (var step = 1; step <= BenchFlows.Steps; step++)
            {
                var open = await _store.FindOpenTasksAsync(query);
                if (open is not [var task] || task.Title != BenchFlows.Title(step))
                    throw new InvalidOperationException($"Instance {i} step {step}: expected one open task '{BenchFlows.Title(step)}', found {open.Count}.");
                timed.Start();
                var result = await _runtime.CompleteTaskAsync(task.Id, BenchFlows.Outcome, Data, User);
                timed.Stop();
                if (result.Outcome != ResumeOutcome.Resumed) throw new InvalidOperationException($"Step {step} of instance {i}: {result}");
                var expected = step == BenchFlows.Steps ? WorkflowStatus.Finished : WorkflowStatus.Suspended;
                if (result.Status != expected) throw new InvalidOperationException($"Step {step} of instance {i} left it {result.Status}.");
            }
        }
        return timed.Elapsed;
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
