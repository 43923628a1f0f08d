using ProcessEngine.Workflows.Hangfire;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Data;
using System.Globalization;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProcessEngine.Rvt;
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
    /// <summary>The nodes' Hangfire schema (src/Host/Extensions/HangfireStorageSelection.cs), so a job scheduled here is theirs.</summary>
    private static readonly PostgreSqlStorageOptions NodeJobStorage = new() { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };

    private readonly ServiceProvider _services;

    private PreparedWork(ServiceProvider services) => _services = services;

    public static async Task<PreparedWork> OpenAsync(HostDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        // Generated types are internal: the benchmark that references this harness generates its own AddMediator().
        services.AddMediator(options => options.GenerateTypesAsInternal = true);
        services.AddWorkflowEngine(registry => registry.AddRvtActivities());
        var connection = DatabaseConnection.For(Enum.Parse<DatabaseProvider>(database.Provider), database.ConnectionString, ProcessEngine.Migrations.PostgreSql.PostgreSqlMigrations.Assembly);
        services.AddWorkflowStore(connection);
        // On PostgreSQL the timers' jobs go where the nodes' Hangfire servers look (the storage keeps them, and a
        // node's start does not schedule pending timers again); on SQLite they are only rows the node recovers.
        services.AddSingleton<JobStorage>(connection.Provider == DatabaseProvider.PostgreSql
            ? new PostgreSqlStorage(new NpgsqlConnectionFactory(connection.ConnectionString, NodeJobStorage), NodeJobStorage)
            : new InMemoryStorage());
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireTimers();
        var provider = services.BuildServiceProvider();
        await provider.MigrateWorkflowDatabaseAsync();
        var work = new PreparedWork(provider);
        await work.ImportAsync(ReliabilityFlows.TwoStepsJson);
        await work.ImportAsync(ReliabilityFlows.TimerJson);
        await work.ImportAsync(ReliabilityFlows.SenderJson);
        await work.ImportAsync(ReliabilityFlows.ReceiverJson);
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

    /// <summary>
    /// Starts <paramref name="count"/> pairs on correlations of their own: a receiver waiting for the signal, and a
    /// sender whose task, completed, sends it. Returns the receivers.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> StartSignalPairsAsync(int count, string label)
    {
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        var receivers = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            receivers.Add((await runtime.StartAsync(ReliabilityFlows.ReceiverFlow, correlationId: $"{label}-{i}")).InstanceId);
            await runtime.StartAsync(ReliabilityFlows.SenderFlow, correlationId: $"{label}-{i}");
        }
        return receivers;
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

    /// <summary>
    /// Schedules every waiting timer's job once more, as a second node's start used to: the engine must fire
    /// each timer once however many jobs wake it. Returns how many were scheduled.
    /// </summary>
    public async Task<int> ScheduleEveryTimerAgainAsync()
    {
        var scheduler = _services.GetRequiredService<Workflows.Scheduling.ITimerScheduler>();
        var store = _services.GetRequiredService<Workflows.Persistence.IWorkflowStore>();
        var timers = await store.FindPendingTimersAsync(DateTimeOffset.MinValue, Guid.Empty, int.MaxValue);
        foreach (var timer in timers) scheduler.Schedule(timer.Id, timer.DueAt!.Value);
        return timers.Count;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Publishes another version of a flow (or a new flow), as a coordinator's import would.</summary>
    public Task PublishAsync(string json) => ImportAsync(json);

    private async Task ImportAsync(string json)
    {
        var result = await _services.GetRequiredService<WorkflowDefinitionService>().ImportAsync(json);
        if (!result.Succeeded) throw new InvalidOperationException("A reliability flow does not import: " + string.Join("; ", result.Errors));
    }
}
