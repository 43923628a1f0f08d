using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Activities.Application;
using ProcessEngine.Activities.Persistence;
using ProcessEngine.Workflows.Persistence.EntityFramework;

namespace ProcessEngine.Activities;

/// <summary>Registers the RVT domain next to the engine: its DbContext on the same SQLite file, and its services.</summary>
public static class RvtDomainServices
{
    public static IServiceCollection AddRvtDomain(this IServiceCollection services, string connectionString)
    {
        var normalised = SqliteSetup.Normalise(connectionString);
        services.AddPooledDbContextFactory<CasusDbContext>(o =>
            o.UseSqlite(normalised, sqlite => sqlite.MigrationsHistoryTable(CasusDbContext.MigrationsHistoryTable)));
        services.AddOptions<RvtFlowOptions>();
        services.AddSingleton<TrajectService>();
        services.AddSingleton<VeiligheidskaartService>();
        services.AddSingleton<MaatregelService>();
        services.AddSingleton<NetwerkService>();
        services.AddSingleton<HalfjaarcijfersService>();
        services.AddOptions<RetentionOptions>();
        services.AddSingleton<RetentionService>();
        services.AddTransient<Synthetic.TrajectGenerator>();
        return services;
    }

    public static async Task MigrateRvtDomainAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }
}
