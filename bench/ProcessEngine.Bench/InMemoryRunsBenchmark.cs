using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Bench;

internal sealed record InMemoryResult(int Runs, TimeSpan Elapsed, long Bytes)
{
    public double RunsPerSecond => Runs / Elapsed.TotalSeconds;
    public double BytesPerRun => (double)Bytes / Runs;
}

/// <summary>
/// Part 2: the ten-SetVariable flow started through <see cref="WorkflowRuntime.StartAsync"/> on the in-memory
/// store, sequentially. The store is never reset: it keeps every instance and journal entry, as it would in
/// use, so that growing state is part of what is measured (bytes of retained entries count as allocated).
/// </summary>
internal static class InMemoryRunsBenchmark
{
    public static async Task<InMemoryResult> RunAsync(int warmUp, int runs)
    {
        await using var provider = BenchEngine.Build(s => s.AddInMemoryWorkflowStore());
        var imported = await provider.GetRequiredService<WorkflowDefinitionService>().ImportAsync(BenchFlows.InMemoryJson());
        if (!imported.Succeeded) throw new InvalidOperationException("In-memory flow rejected: " + string.Join("; ", imported.Errors));
        var runtime = provider.GetRequiredService<WorkflowRuntime>();

        // Warm-up: JIT (tiered up to optimised code), the compiled-graph cache, the store's dictionaries.
        for (var i = 0; i < warmUp; i++) await RunOnceAsync(runtime);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var timed = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++) await RunOnceAsync(runtime);
        timed.Stop();
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return new InMemoryResult(runs, timed.Elapsed, bytes);
    }

    private static async Task RunOnceAsync(WorkflowRuntime runtime)
    {
        var result = await runtime.StartAsync(BenchFlows.InMemoryId);
        if (result.Status != WorkflowStatus.Finished) throw new InvalidOperationException($"A run ended {result.Status}, not Finished.");
    }
}
