using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ProcessEngine.Rvt.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CasusDbContext>
{
    public CasusDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CasusDbContext>().UseSqlite("Data Source=design-time.db",
            o => o.MigrationsHistoryTable(CasusDbContext.MigrationsHistoryTable)).Options);
}
