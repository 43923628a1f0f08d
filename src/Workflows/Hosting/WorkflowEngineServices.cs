using ProcessEngine.Workflows.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Notifications;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.InstanceMigration;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Prompts;
using ProcessEngine.Workflows.Runtime;
using ProcessEngine.Workflows.Scheduling;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Workflows.Hosting;

/// <summary>
/// One registration path for the engine (STYLE: no duplicate feature registrations). The caller adds
/// Mediator (for IPublisher), a store (in memory here; on a database from
/// ProcessEngine.Workflows.EntityFramework) and a timer scheduler (ProcessEngine.Workflows.Hangfire).
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
        services.AddSingleton(new FactCatalog(registry.Facts));
        services.AddSingleton<FlowCompiler>();
        services.AddSingleton<WorkflowGraphProvider>();
        services.AddSingleton<WorkflowDefinitionService>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddSingleton<RuntimeServices>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<CorrelationPurge>();
        services.AddSingleton<MigrationPlanner>();
        services.AddSingleton<InstanceMigrator>();
        services.AddSingleton<InstanceRepairs>();
        return services;
    }

    /// <summary>
    /// One <see cref="InMemoryWorkflowStore"/> answers as the store, the monitoring, the prompt queries and the signal outbox: they read the same dictionaries.
    /// </summary>
    public static IServiceCollection AddInMemoryWorkflowStore(this IServiceCollection services)
    {
        services.AddSingleton<InMemoryWorkflowStore>();
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IWorkflowMonitoring>(sp => new InMemoryWorkflowMonitoring(sp.GetRequiredService<InMemoryWorkflowStore>()));
        services.AddSingleton<ITaskPromptQueries>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<ISignalOutbox>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IInstanceMigrationStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IWorkflowDefinitionStore, InMemoryWorkflowDefinitionStore>();
        return services;
    }
}
