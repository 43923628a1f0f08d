using ProcessEngine.Workflows.Forms;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Persistence.EntityFramework;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;
using ProcessEngine.Workflows.Scheduling.Hangfire;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Workflows.Hosting;

/// <summary>
/// One registration path for the engine (STYLE: no duplicate feature registrations). The caller adds
/// Mediator (for IPublisher), a store and a timer scheduler.
/// </summary>
public static class WorkflowEngineServices
{
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, Action<ActivityRegistry> activities)
    {
        var registry = new ActivityRegistry();
        activities(registry);
        services.AddSingleton(registry);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ExpressionOptions>();
        services.AddOptions<TimerOptions>();
        services.AddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        services.AddSingleton(new TaskFormRules(registry.FormRules));
        services.AddSingleton<FlowCompiler>();
        services.AddSingleton<WorkflowGraphProvider>();
        services.AddSingleton<WorkflowDefinitionService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<RuntimeServices>();
        services.AddSingleton<WorkflowRuntime>();
        return services;
    }

    /// <summary>The embedded default: one SQLite file. Call <see cref="MigrateWorkflowDatabaseAsync"/> at start-up.</summary>
    public static IServiceCollection AddSqliteWorkflowStore(this IServiceCollection services, string connectionString) =>
        services.AddWorkflowStore(DatabaseConnection.Sqlite(connectionString));

    /// <summary>The engine's tables in the given database (SQLite or PostgreSQL). Call <see cref="MigrateWorkflowDatabaseAsync"/> at start-up.</summary>
    public static IServiceCollection AddWorkflowStore(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<WorkflowDbContext>(o => database.Configure(o));
        services.AddSingleton<IBurstWriter>(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
            return database.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlBurstWriter(database.ConnectionString, db.Model)
                : new SqliteBurstWriter(database.ConnectionString, db.Model);
        });
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        return services;
    }

    public static IServiceCollection AddInMemoryWorkflowStore(this IServiceCollection services)
    {
        services.AddSingleton<IWorkflowStore, InMemoryWorkflowStore>();
        services.AddSingleton<IWorkflowDefinitionStore, InMemoryWorkflowDefinitionStore>();
        return services;
    }

    /// <summary>Hangfire schedules timers; the caller configures Hangfire's storage and server.</summary>
    public static IServiceCollection AddHangfireTimers(this IServiceCollection services)
    {
        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        services.AddTransient<TimerJob>();
        services.AddHostedService<TimerRecoveryService>();
        return services;
    }

    public static async Task MigrateWorkflowDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) await SqliteSetup.MigrateAsync(db, ct);
        else
        {
            await db.Database.MigrateAsync(ct);
            await FactRollupBackfill.RunAsync(db, ct);
        }
    }
}
