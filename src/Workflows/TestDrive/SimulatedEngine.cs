using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Persistence.InMemory;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.TestDrive;

/// <summary>
/// The real engine on a simulated clock and in-memory stores, for runs that must leave no trace: the proefrit
/// and the synthetic history generator. Nothing reaches a database, a mailbox or a timer job.
/// </summary>
public static class SimulatedEngine
{
    public static ServiceProvider Create(SimulatedClock clock, InMemoryWorkflowStore store, InMemoryWorkflowDefinitionStore definitions,
        Action<ActivityRegistry> activities, ExpressionOptions? limits = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IPublisher, SilentPublisher>();
        services.AddWorkflowEngine(activities);
        services.AddSingleton<IWorkflowStore>(store);
        services.AddSingleton<ISignalOutbox>(store);
        services.AddSingleton<IWorkflowDefinitionStore>(definitions);
        services.AddSingleton<ITimerScheduler, ClockDrivenTimers>();
        if (limits is not null) services.AddSingleton(Microsoft.Extensions.Options.Options.Create(limits));
        return services.BuildServiceProvider();
    }
}
