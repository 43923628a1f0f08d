using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Tests.Api;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// A backup taken while professionals register aanmeldingen is one consistent moment: restored into a fresh folder,
/// a host starts on it with the trajecten of that moment, every one with its flow, its audit log verifies against
/// the checkpoints saved with the copy, and a timer that was waiting fires there.
/// </summary>
public sealed class BackupRestoreTests
{
    private const string TimerFlow = """
        { "id": "backup-wacht", "name": "Wachten over een backup heen",
          "activities": [
            { "id": "wacht", "type": "Delay", "inputs": { "duration": "PT2H" } },
            { "id": "daarna", "type": "HumanTask", "inputs": { "title": "Na de timer", "candidateGroup": "Professional" } } ],
          "connections": [ { "source": "wacht", "target": "daarna" } ] }
        """;

    [Fact]
    public async Task Backup_UnderLoad_RestoresIntoAFreshFolder_WithConsistentTrajecten_AVerifyingAuditLog_AndATimerThatFires()
    {
        var folder = new BackupFolder();
        var live = folder.File("live.db");
        var copy = folder.File("kopie.db");
        long before, after;
        await using (var host = folder.Host(live))
        {
            await host.InitializeAsync();
            await host.ImportPublishedAsync(TimerFlow);
            await host.Service<WorkflowRuntime>().StartAsync("backup-wacht", correlationId: "RVT-BACKUP-0001");

            using var prof1 = await host.AsAsync("prof1");
            using var stop = new CancellationTokenSource();
            var registered = 0;
            var load = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    (await prof1.PostAsJsonAsync("/api/trajecten", ApiWorld.Intake)).EnsureSuccessStatusCode();
                    Interlocked.Increment(ref registered);
                }
            });
            while (Volatile.Read(ref registered) < 5) await Task.Delay(20);
            before = BackupFolder.Count(live, "SELECT COUNT(*) FROM Trajecten");
            var (exit, output) = await BackupFolder.RunAsync(BackupCommand.RunAsync, [copy, .. BackupFolder.ConfigurationOf(live)]);
            var atBackup = Volatile.Read(ref registered);
            while (Volatile.Read(ref registered) < atBackup + 3) await Task.Delay(20); // the load goes on after the copy
            await stop.CancelAsync();
            await load;
            after = BackupFolder.Count(live, "SELECT COUNT(*) FROM Trajecten");
            Assert.True(exit == 0, output);
            Assert.Contains("backup written: " + copy, output);
        }

        var inCopy = BackupFolder.Count(copy, "SELECT COUNT(*) FROM Trajecten");
        Assert.InRange(inCopy, before, after - 1);
        // One moment: every traject in the copy has its flow instance and its casus, nothing half.
        Assert.Equal(inCopy, BackupFolder.Count(copy, "SELECT COUNT(*) FROM WorkflowInstances WHERE DefinitionId = 'rvt-traject'"));
        Assert.Equal(inCopy, BackupFolder.Count(copy, "SELECT COUNT(*) FROM Casussen"));

        var restored = Path.Combine(Directory.CreateDirectory(folder.File("nieuw")).FullName, "processengine.db");
        var (restoreExit, restoreOutput) = await BackupFolder.RunAsync(RestoreCommand.RunAsync, [copy, .. BackupFolder.ConfigurationOf(restored)]);
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains("audit log intact", restoreOutput);
        Assert.Contains("signed again for the restored path", restoreOutput);

        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using (var host = folder.Host(restored, clock))
        {
            await host.InitializeAsync();
            Assert.Equal(inCopy, BackupFolder.Count(restored, "SELECT COUNT(*) FROM Trajecten"));
            var (verifyExit, verifyOutput) = await BackupFolder.RunAsync(AuditCommand.RunAsync, ["verify", .. BackupFolder.ConfigurationOf(restored)]);
            Assert.True(verifyExit == 0, verifyOutput);
            Assert.DoesNotContain("(no checkpoints", verifyOutput);

            clock.Advance(TimeSpan.FromHours(3));
            Assert.True(await host.Service<WorkflowRuntime>().FireDueTimersAsync() >= 1);
            var open = await host.Service<IWorkflowStore>().FindOpenTasksAsync(new TaskQuery(CorrelationId: "RVT-BACKUP-0001"));
            Assert.Equal(["Na de timer"], open.Select(t => t.Title));
        }
    }
}
