using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

/// <summary>
/// Part 1, the engine side: N instances of the ten-task flow on a SQLite file, each task completed through
/// <see cref="WorkflowRuntime.CompleteTaskAsync"/>, one instance after the other, its tasks in order.
/// </summary>
internal static class EngineStepsBenchmark
{
    public const string User = "bench-user";
    /// <summary>What the person "fills in" on every task; the floor writes the same ResultJson.</summary>
    public static readonly IReadOnlyDictionary<string, object?> Data = new Dictionary<string, object?> { ["opmerking"] = "ok" };

    public static string CorrelationId(int instance) => $"bench-{instance:D6}";

    public static async Task<StepsResult> RunAsync(string file, int instances)
    {
        await using var provider = BenchEngine.Build(s => s.AddSqliteWorkflowStore($"Data Source={file}"));
        await provider.MigrateWorkflowDatabaseAsync();
        var imported = await provider.GetRequiredService<WorkflowDefinitionService>().ImportAsync(BenchFlows.StepsJson());
        if (!imported.Succeeded) throw new InvalidOperationException("Steps flow rejected: " + string.Join("; ", imported.Errors));
        var runtime = provider.GetRequiredService<WorkflowRuntime>();
        var store = provider.GetRequiredService<IWorkflowStore>();

        // Starting the instances is set-up, not timed: the figure is about resuming waiting instances.
        for (var i = 0; i < instances; i++) await runtime.StartAsync(BenchFlows.StepsId, correlationId: CorrelationId(i));

        // Timed: exactly the CompleteTaskAsync calls (load task, instance and bookmarks, run, commit, publish).
        // Not timed: finding the open task id, which a real caller gets from its inbox page beforehand and
        // which the floor does not do either.
        var timed = new Stopwatch();
        long steps = 0;
        for (var i = 0; i < instances; i++)
        {
            var query = new TaskQuery(CorrelationId: CorrelationId(i), Take: 2);
            for (var step = 1; step <= BenchFlows.Steps; step++)
            {
                var open = await store.FindOpenTasksAsync(query);
                if (open is not [var task] || task.Title != BenchFlows.Title(step))
                    throw new InvalidOperationException($"Instance {i} step {step}: expected one open task '{BenchFlows.Title(step)}', found {open.Count}.");
                timed.Start();
                var result = await runtime.CompleteTaskAsync(task.Id, BenchFlows.Outcome, Data, User);
                timed.Stop();
                if (result.Outcome != ResumeOutcome.Resumed) throw new InvalidOperationException($"Step {step} of instance {i}: {result}");
                var expected = step == BenchFlows.Steps ? WorkflowStatus.Finished : WorkflowStatus.Suspended;
                if (result.Status != expected) throw new InvalidOperationException($"Step {step} of instance {i} left it {result.Status}.");
                steps++;
            }
        }
        return new StepsResult(steps, timed.Elapsed);
    }
}
