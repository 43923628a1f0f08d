using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Workflows.Scheduling;

namespace ProcessEngine.Workflows.Hangfire;

/// <summary>Registers Hangfire as the engine's timer scheduler; the caller configures Hangfire's storage and server.</summary>
public static class HangfireTimerServices
{
    public static IServiceCollection AddHangfireTimers(this IServiceCollection services)
    {
        services.AddSingleton<ITimerScheduler, HangfireTimerScheduler>();
        services.AddTransient<TimerJob>();
        services.AddHostedService<TimerRecoveryService>();
        return services;
    }
}
