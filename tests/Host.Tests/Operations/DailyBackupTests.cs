using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Hangfire.Storage;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Backup;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>The daily backup: scheduled when Backup:Folder is set, named by its UTC moment, keeping Backup:Keep copies.</summary>
public sealed class DailyBackupTests
{
    [Fact]
    public async Task DailyBackup_WithKeepTwo_RunThreeTimes_LeavesTheTwoNewestCopies_WithTheirCheckpoints()
    {
        var folder = new BackupFolder();
        var copies = folder.File("kopieen");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero));
        await using var host = folder.Host(folder.File("live.db"), clock, new Dictionary<string, string>
        {
            ["Backup:Folder"] = copies, ["Backup:Keep"] = "2",
        });
        await host.InitializeAsync();
        using (var connection = host.Service<JobStorage>().GetConnection())
            Assert.Equal("30 2 * * *", Assert.Single(connection.GetRecurringJobs(), j => j.Id == BackupJob.Id).Cron);

        for (var day = 0; day < 3; day++)
        {
            await host.Service<BackupJob>().RunAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(["processengine-20260303T023000Z.db", "processengine-20260304T023000Z.db"], BackupJob.Copies(copies).Select(Path.GetFileName));
        Assert.Equal(["processengine-20260303T023000Z.db.audit-checkpoints.log", "processengine-20260304T023000Z.db.audit-checkpoints.log"],
            Directory.EnumerateFiles(copies, "*.log").Select(Path.GetFileName).Order());
    }

    [Theory]
    [InlineData("0", "30 2 * * *", "Backup:Keep is 0")]
    [InlineData("14", "elke nacht", "Backup:Cron 'elke nacht' is not a cron expression")]
    public void DailyBackup_WithASettingThatCannotWork_StopsTheStart_NamingIt(string keep, string cron, string message)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Backup:Folder"] = "kopieen", ["Backup:Keep"] = keep, ["Backup:Cron"] = cron,
        }).Build();
        var services = new ServiceCollection().AddDailyBackup(config)
            .AddSingleton(ProcessEngine.Data.DatabaseConnection.Sqlite("Data Source=" + new BackupFolder().File("live.db")));
        using var provider = services.BuildServiceProvider();

        // Refused before Hangfire is asked: its job manager is never resolved here.
        var refused = Assert.Throws<Extensions.StartRefusedException>(() => BackupSchedule.Schedule(provider));
        Assert.StartsWith(message, refused.Message);
    }
}
