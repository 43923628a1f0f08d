using ProcessEngine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore;

/// <summary>Registers the host's own tables (users, audit log, outbox) in the shared database.</summary>
public static class HostStoreServices
{
    public static IServiceCollection AddHostStore(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddDbContextFactory<HostDbContext>(o => database.Configure(o, HostDbContext.MigrationsHistoryTable));
        // A wrong checkpoint setting stops the host's start naming it (commands meet it on first use of the options).
        services.AddOptions<AuditOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidation>());
        // The syslog sender logs a failed send; a command's own container gets a logger factory too (with no output).
        services.AddLogging();
        services.TryAddSingleton(database);
        services.AddSingleton<AuditKeys>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditCheckpointFile>();
        services.AddSingleton<AuditCheckpointSyslog>();
        services.AddSingleton<AuditCheckpointWriter>();
        services.AddSingleton<AuditVerifier>();
        return services;
    }

    public static async Task MigrateHostStoreAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync(ct);
        await db.Database.MigrateQuietlyAsync(ct);
    }
}
