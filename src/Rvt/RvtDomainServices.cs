using ProcessEngine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Persistence;

namespace ProcessEngine.Rvt;

/// <summary>Registers the RVT domain next to the engine: its DbContext in the same database, and its services.</summary>
public static class RvtDomainServices
{
    /// <summary>On a SQLite file (the embedded default).</summary>
    public static IServiceCollection AddRvtDomain(this IServiceCollection services, string connectionString) =>
        services.AddRvtDomain(DatabaseConnection.Sqlite(connectionString));

    public static IServiceCollection AddRvtDomain(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddPooledDbContextFactory<CasusDbContext>(o => database.Configure(o, CasusDbContext.MigrationsHistoryTable));
        services.AddOptions<RvtFlowOptions>();
        services.AddSingleton<TrajectService>();
        services.AddSingleton<VeiligheidskaartService>();
        services.AddSingleton<MaatregelService>();
        services.AddSingleton<NetwerkService>();
        services.AddSingleton<TafelVragenService>();
        services.AddSingleton<InvolvementRecords>();
        services.AddSingleton<HalfjaarcijfersService>();
        services.AddOptions<RetentionOptions>();
        services.AddSingleton<RetentionService>();
        return services;
    }

    public static async Task MigrateRvtDomainAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateQuietlyAsync(ct);
    }
}
