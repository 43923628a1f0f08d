using System.Globalization;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcessEngine.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Reliability;

/// <summary>
/// Puts work in a database before any node starts, through the real engine on the same connection string:
/// flows imported as a coordinator's import would, instances started by the runtime. Timers it creates are
/// only rows for the hosts (Hangfire here is a throwaway in-memory storage without a server): the nodes find
/// them at start-up, which is part of what the suite checks.
/// </summary>
public sealed class PreparedWork : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PreparedWork(ServiceProvider services) => _services = services;

    public static async Task<PreparedWork> OpenAsync(HostDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Generated types are internal: the benchmark that references this harness generates its own AddMediator().
        services.AddMediator(options => options.GenerateTypesAsInternal = true);
        services.AddWorkflowEngine(registry => registry.AddProcessEngineActivities());
        if (database.Provider != HostDatabase.Sqlite)
            throw new NotSupportedException($"Preparing a {database.Provider} database: register its store here as the host does.");
        services.AddSqliteWorkflowStore(database.ConnectionString);
        services.AddSingleton<JobStorage>(new InMemoryStorage());
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireTimers();
        var provider = services.BuildServiceProvider();
        await provider.MigrateWorkflowDatabaseAsync();
        var work = new PreparedWork(provider);
        await work.ImportAsync(ReliabilityFlows.TwoStepsJson);
        await work.ImportAsync(ReliabilityFlows.TimerJson);
        return work;
    }

    /// <summary>Starts <paramref name="count"/> two-step instances; each waits on its Stap 1 task.</summary>
    public async Task<IReadOnlyList<Guid>> StartTwoStepsAsync(int count, string label)
    {
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        var started = new List<Guid>(count);
        for (var i = 0; i < count; i++)
            started.Add((await runtime.StartAsync(ReliabilityFlows.TwoSteps, correlationId: $"{label}-{i}")).InstanceId);
        return started;
    }

    /// <summary>Starts <paramref name="count"/> timer instances whose timers all come due at <paramref name="due"/>.</summary>
    public async Task<IReadOnlyList<Guid>> StartTimersAsync(int count, DateTimeOffset due, string label)
    {
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        var input = new Dictionary<string, object?> { ["due"] = due.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
        var started = new List<Guid>(count);
        for (var i = 0; i < count; i++)
            started.Add((await runtime.StartAsync(ReliabilityFlows.TimerFlow, input, $"{label}-{i}")).InstanceId);
        return started;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task ImportAsync(string json)
    {
        var result = await _services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(json);
        if (!result.Succeeded) throw new InvalidOperationException("A reliability flow does not import: " + string.Join("; ", result.Errors));
    }
}
