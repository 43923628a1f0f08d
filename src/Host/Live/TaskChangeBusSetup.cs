using ProcessEngine.Data;
using ProcessEngine.Host.Components.Work;
using ProcessEngine.Host.Live;
using ProcessEngine.Host.Prompts;

// In the hosting namespace, so that ProcessEngineHosting wires the feature with one line.
namespace ProcessEngine.Host.Extensions;

/// <summary>Registration of the bus that brings task changes to the hub and the screens: in-process, or across nodes on PostgreSQL.</summary>
public static class TaskChangeBusSetup
{
    public static IServiceCollection AddTaskChangeBus(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddSingleton<ITaskChangeSubscriber, TaskPushes>();
        services.AddSingleton<ITaskChangeSubscriber, TaskEventsRelay>();
        services.AddSingleton<TaskChangeDelivery>();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            services.AddSingleton<ITaskChangeBus, PostgreSqlTaskChangeBus>();
            services.AddSingleton<TaskChangeListener>();
            services.AddHostedService(sp => sp.GetRequiredService<TaskChangeListener>());
        }
        else services.AddSingleton<ITaskChangeBus, InProcessTaskChangeBus>();
        return services;
    }
}
