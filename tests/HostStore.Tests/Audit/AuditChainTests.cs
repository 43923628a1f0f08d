using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ProcessEngine.Data;
using ProcessEngine.HostStore.Audit;
using ProcessEngine.HostStore.Persistence;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// The hash-chained audit log on its own, on real databases of both providers: lines link, concurrent writers
/// queue instead of forking the chain, the database refuses to change or remove a line, and a line changed or removed
/// by someone who dropped that guard is found by the verifier.
/// </summary>
public sealed class AuditChainTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ConcurrentAppends_FormOneUnbrokenChain(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var log = store.Services.GetRequiredService<AuditLog>();

        var written = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            log.AppendAsync(new AuditRecord("casus.read", AuditAction.Read, AuditOutcome.Success, $"prof{i}", "Professional", "RVT-2026-AAAAAA",
                "zorgverlening", "127.0.0.1", null))));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), written.Select(e => e.Sequence).Order());
        var verification = await store.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.Equal((20L, (long?)null), (verification.LinesChecked, verification.BrokenAt));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task ALineChangedAfterwards_IsTheFirstBrokenLine(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        var log = store.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 3; i++)
            await log.AppendAsync(new AuditRecord("casus.read", AuditAction.Read, AuditOutcome.Success, "prof1", "Professional", "RVT-2026-AAAAAA",
                "zorgverlening", null, $"regel {i}"));

        await using (var db = await store.Services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync())
        {
            // The database refuses the change itself; someone with the rights to drop that guard is what the chain is for.
            var refused = await Assert.ThrowsAnyAsync<Exception>(() =>
                db.AuditLog.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, "iemand-anders")));
            Assert.Contains("the audit log is append-only", refused.Message);
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? "DROP TRIGGER AuditLog_NoUpdate"
                : "DROP TRIGGER \"AuditLog_NoUpdate\" ON \"AuditLog\"");
            await db.AuditLog.Where(e => e.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, "iemand-anders"));
        }

        var verification = await store.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.Equal((1L, (long?)2, "line 2 was changed after it was written"), (verification.LinesChecked, verification.BrokenAt, verification.Problem));
    }

    [Fact]
    public async Task ALineRemoved_IsNamedAsMissing()
    {
        await using var store = await StoreAsync(DatabaseProvider.Sqlite);
        var log = store.Services.GetRequiredService<AuditLog>();
        for (var i = 1; i <= 3; i++)
            await log.AppendAsync(new AuditRecord("casus.read", AuditAction.Read, AuditOutcome.Success, "prof1", null, null, "zorgverlening", null, null));

        await using (var db = await store.Services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => db.AuditLog.Where(e => e.Sequence == 2).ExecuteDeleteAsync());
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditLog_NoDelete");
            await db.AuditLog.Where(e => e.Sequence == 2).ExecuteDeleteAsync();
        }

        var verification = await store.Services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Assert.Equal((1L, (long?)2, "line 2 is missing"), (verification.LinesChecked, verification.BrokenAt, verification.Problem));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TheModel_HasNoChangeWithoutAMigration(DatabaseProvider provider)
    {
        await using var store = await StoreAsync(provider);
        await using var db = await store.Services.GetRequiredService<IDbContextFactory<HostDbContext>>().CreateDbContextAsync();
        Assert.False(db.Database.HasPendingModelChanges(), "HostDbContext changed without a migration for " + provider);
    }

    private static Task<AuditStore> StoreAsync(DatabaseProvider provider) => AuditStore.CreateAsync(provider);
}
