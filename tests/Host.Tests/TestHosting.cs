using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProcessEngine.Host.Tests;

/// <summary>Service changes that several test hosts share.</summary>
public static class TestHosting
{
    /// <summary>
    /// Takes Hangfire's server out of a test host: it would fire timers and run jobs on the wall clock,
    /// beside a test that moves its own clock and calls the engine's entry points itself (DESIGN section 10).
    /// </summary>
    public static IServiceCollection WithoutHangfireServer(this IServiceCollection services)
    {
        foreach (var server in services.Where(d => d.ServiceType == typeof(IHostedService) && IsHangfireServer(d)).ToList())
            services.Remove(server);
        return services;
    }

    private static bool IsHangfireServer(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType == typeof(BackgroundJobServerHostedService)
        || descriptor.ImplementationFactory?.Method.ReturnType == typeof(BackgroundJobServerHostedService)
        || descriptor.ImplementationFactory?.Method.DeclaringType?.Namespace?.StartsWith("Hangfire", StringComparison.Ordinal) == true;
}
