using Microsoft.Extensions.DependencyInjection;

namespace ProcessEngine.Synthetic;

/// <summary>Registers the generator next to the engine and the RVT domain it writes into.</summary>
public static class SyntheticDataServices
{
    public static IServiceCollection AddSyntheticData(this IServiceCollection services) =>
        services.AddTransient<TrajectGenerator>();
}
