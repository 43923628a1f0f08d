using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Platform.Audit;
using ProcessEngine.Platform.Persistence;
using ProcessEngine.Workflows.Persistence.EntityFramework;

namespace ProcessEngine.Platform;

/// <summary>Registers the host's own tables (users, audit log, outbox) on the shared database file.</summary>
public static class PlatformServices
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, string connectionString)
    {
        var normalised = SqliteSetup.Normalise(connectionString);
        services.AddDbContextFactory<PlatformDbContext>(o =>
            o.UseSqlite(normalised, sqlite => sqlite.MigrationsHistoryTable(PlatformDbContext.MigrationsHistoryTable)));
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
