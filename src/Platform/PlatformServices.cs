using ProcessEngine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Platform.Persistence;

namespace ProcessEngine.Platform;

/// <summary>Registers the host's own tables (users, audit log, outbox) in the shared database.</summary>
public static class PlatformServices
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddDbContextFactory<PlatformDbContext>(o => database.Configure(o, PlatformDbContext.MigrationsHistoryTable));
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditVerifier>();
        return services;
    }

    public static async Task MigratePlatformAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PlatformDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
    }
}
