using ProcessEngine.Tests.Shared;
using ProcessEngine.Data;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Activities;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.EntityFramework;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Hangfire;

namespace ProcessEngine.Workflows.EntityFramework.Tests.Support;

/// <summary>
/// The engine as a host wires it: real SQLite file (or PostgreSQL database), real Hangfire (in-memory storage, one per engine so
/// parallel tests never share it), real Mediator. The clock is a FakeTimeProvider the test moves; timers
/// are fired by calling the engine's due-timer entry point, never by waiting for Hangfire's poller.
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private TestEngine(ServiceProvider services, DatabaseConnection database, FakeTimeProvider clock)
    {
        _services = services;
        Database = database;
        Clock = clock;
    }

    public DatabaseConnection Database { get; }
    public FakeTimeProvider Clock { get; }
    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();
    public CorrelationPurge Purge => _services.GetRequiredService<CorrelationPurge>();
    public WorkflowDefinitionService Definitions => _services.GetRequiredService<WorkflowDefinitionService>();
    public IWorkflowStore Store => _services.GetRequiredService<IWorkflowStore>();
    public IWorkflowMonitoring Monitoring => _services.GetRequiredService<IWorkflowMonitoring>();
    public NotificationLog Notifications => _services.GetRequiredService<NotificationLog>();
    public JobStorage Hangfire => _services.GetRequiredService<JobStorage>();
    public IServiceProvider Services => _services;

    public static Task<TestEngine> StartAsync(string? databasePath = null, FakeTimeProvider? clock = null,
        Action<ActivityRegistry>? moreActivities = null, TimeProvider? engineClock = null) =>
        StartAsync(DatabaseConnection.Sqlite($"Data Source={databasePath ?? TempDatabase.NewPath()}"), clock, moreActivities, engineClock);

    /// <summary>On the given database, with the runtime's store seen through <paramref name="decorate"/> (a fault a test injects).</summary>
    public static Task<TestEngine> StartAsync(DatabaseConnection database, FakeTimeProvider clock, Func<IWorkflowStore, IWorkflowStore> decorate) =>
        StartAsync(database, clock, decorate: decorate, moreActivities: null);

    /// <summary>On the given database (see <see cref="TestDatabase"/> for a fresh SQLite file or PostgreSQL database).</summary>
    public static async Task<TestEngine> StartAsync(DatabaseConnection database, FakeTimeProvider? clock = null,
        Action<ActivityRegistry>? moreActivities = null, TimeProvider? engineClock = null, Func<IWorkflowStore, IWorkflowStore>? decorate = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(engineClock ?? clock);
        services.AddSingleton<NotificationLog>();
        services.AddMediator();
        services.AddWorkflowEngine(r => { r.AddGenericActivities(); moreActivities?.Invoke(r); });
        services.AddWorkflowStore(database);
        if (decorate is not null)
        {
            services.AddSingleton<EfWorkflowStore>();
            services.Replace(ServiceDescriptor.Singleton(sp => decorate(sp.GetRequiredService<EfWorkflowStore>())));
        }
        services.AddSingleton<JobStorage>(new InMemoryStorage());
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireTimers();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        await provider.MigrateWorkflowDatabaseAsync();
        return new TestEngine(provider, database, clock);
    }

    /// <summary>Changes the database behind the engine's back (a state the engine's API cannot produce), on either provider.</summary>
    public async Task<int> ChangeDatabaseAsync(Func<WorkflowDbContext, Task<int>> change)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();
        return await change(db);
    }

    /// <summary>Runs start-up recovery as the host does when it starts.</summary>
    public Task RunStartupRecoveryAsync() =>
        _services.GetServices<IHostedService>().OfType<TimerRecoveryService>().Single().StartAsync(CancellationToken.None);

    public async Task<WorkflowDefinitionRecord> PublishAsync(string json)
    {
        var result = await Definitions.ImportAsync(json);
        Assert.True(result.Succeeded, "flow did not publish: " + string.Join("; ", result.Errors));
        return result.Record!;
    }

    public async Task<UserTask> SingleOpenTaskAsync(string correlationId)
    {
        var tasks = await Store.FindOpenTasksAsync(new TaskQuery(CorrelationId: correlationId));
        return Assert.Single(tasks);
    }

    public async Task<IReadOnlyList<UserTask>> OpenTasksAsync(string correlationId) =>
        await Store.FindOpenTasksAsync(new TaskQuery(CorrelationId: correlationId));

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

public static class TempDatabase
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "processengine-tests");

    public static string NewPath()
    {
        Directory.CreateDirectory(Folder);
        return Path.Combine(Folder, $"{Guid.NewGuid():N}.db");
    }
}
