using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Rvt.Persistence;

namespace ProcessEngine.Rvt.Tests.Domain;

public sealed class DomainDatabaseTests
{
    [Fact]
    public async Task Model_HasAMigrationForEveryChange_WhenComparedWithTheSnapshot()
    {
        var services = new ServiceCollection();
        services.AddRvtDomain($"Data Source={Path.Combine(Path.GetTempPath(), "processengine-tests", $"model-{Guid.NewGuid():N}.db")}");
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateRvtDomainAsync();
        await using var db = await provider.GetRequiredService<IDbContextFactory<CasusDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges(),
            "The domain model changed without a migration: run `dotnet dotnet-ef migrations add <Name> --project src/Rvt --startup-project src/Rvt --context CasusDbContext --output-dir Persistence/Migrations`.");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }
}
