using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt;
using ProcessEngine.Workflows.Hosting;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Bench;

/// <summary>Builds the engine through DI exactly as a host does, so the benchmark measures what a host runs.</summary>
internal static class BenchEngine
{
    /// <param name="timers">The scheduler for a flow that has timers (the <c>migrate</c> benchmark); by default none may be scheduled.</param>
    public static ServiceProvider Build(Action<IServiceCollection> addStore, ITimerScheduler? timers = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMediator();
        services.AddWorkflowEngine(registry => registry.AddRvtActivities());
        addStore(services);
        if (timers is null) services.AddSingleton<ITimerScheduler, NoTimers>();
        else services.AddSingleton(timers);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    /// <summary>
    /// The engine benchmark's flows contain no timer, so the engine must never schedule one here; a call would mean
    /// the flows are not what the benchmark claims to measure, and failing loudly is better than Hangfire
    /// work silently inflating (or a no-op silently flattering) the figures.
    /// </summary>
    private sealed class NoTimers : ITimerScheduler
    {
        public void Schedule(Guid timerId, DateTimeOffset dueAt) =>
            throw new InvalidOperationException($"The benchmark flows have no timers, yet timer {timerId} was scheduled.");
    }
}
