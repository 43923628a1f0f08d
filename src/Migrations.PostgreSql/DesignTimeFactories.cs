using ProcessEngine.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.HostStore.Persistence;
using ProcessEngine.Workflows.EntityFramework;

namespace ProcessEngine.Migrations.PostgreSql;

// `dotnet ef migrations add X --project src/Migrations.PostgreSql --startup-project src/Migrations.PostgreSql
// --context <Context> --output-dir <Context folder>` builds each model for PostgreSQL through these; no
// server is needed to add a migration.
internal static class DesignTime
{
    public static readonly DatabaseConnection Database = PostgreSqlMigrations.Connect("Host=127.0.0.1;Database=design_time");

    public static DbContextOptions<T> Options<T>(string? historyTable = null) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>();
        Database.Configure(options, historyTable);
        return options.Options;
    }
}

internal sealed class WorkflowDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) => new(DesignTime.Options<WorkflowDbContext>());
}

internal sealed class CasusDesignTimeFactory : IDesignTimeDbContextFactory<CasusDbContext>
{
    public CasusDbContext CreateDbContext(string[] args) => new(DesignTime.Options<CasusDbContext>(CasusDbContext.MigrationsHistoryTable));
}

internal sealed class HostStoreDesignTimeFactory : IDesignTimeDbContextFactory<HostDbContext>
{
    public HostDbContext CreateDbContext(string[] args) => new(DesignTime.Options<HostDbContext>(HostDbContext.MigrationsHistoryTable));
}
