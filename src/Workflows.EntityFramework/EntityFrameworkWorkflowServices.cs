using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Data;
using ProcessEngine.Workflows.Monitoring;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Prompts;

namespace ProcessEngine.Workflows.EntityFramework;

/// <summary>Registers the engine's store, its monitoring and prompt queries on a database (SQLite or PostgreSQL) and migrates its tables.</summary>
public static class EntityFrameworkWorkflowServices
{
    /// <summary>The embedded default: one SQLite file. Call <see cref="MigrateWorkflowDatabaseAsync"/> at start-up.</summary>
    public static IServiceCollection AddSqliteWorkflowStore(this IServiceCollection services, string connectionString) =>
        services.AddWorkflowStore(DatabaseConnection.Sqlite(connectionString));

    /// <summary>The engine's tables in the given database. Call <see cref="MigrateWorkflowDatabaseAsync"/> at start-up.</summary>
    public static IServiceCollection AddWorkflowStore(this IServiceCollection services, DatabaseConnection database)
    {
        services.AddSingleton(database);
        services.AddPooledDbContextFactory<WorkflowDbContext>(o => database.Configure(o));
        services.AddSingleton<IChangeWriter>(sp =>
        {
            using var db = sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>().CreateDbContext();
            return database.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlChangeWriter(database.ConnectionString, db.Model)
                : new SqliteChangeWriter(database.ConnectionString, db.Model);
        });
        services.AddSingleton<IWorkflowStore, EfWorkflowStore>();
        services.AddSingleton<IWorkflowMonitoring, EfWorkflowMonitoring>();
        services.AddSingleton<ISignalOutbox, EfSignalOutbox>();
        services.AddSingleton<IInstanceMigrationStore, EfInstanceMigrationStore>();
        services.AddSingleton<ITaskPromptQueries, EfTaskPromptQueries>();
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        return services;
    }

    public static async Task MigrateWorkflowDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite()) await SqliteSetup.MigrateAsync(db, ct);
        else
        {
            await db.Database.MigrateQuietlyAsync(ct);
            await FactRollupBackfill.RunAsync(db, ct);
        }
    }
}
