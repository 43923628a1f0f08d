using ProcessEngine.Host.Commands;

namespace ProcessEngine.Host.Tests.Operations;

/// <summary>
/// Restore leaves a database alone whenever it should: while a host runs on it, when the copy is damaged, when the
/// copy's audit log was edited, when the copy comes from a newer build; and backup does not overwrite a file unasked.
/// Each refusal names its reason, and the target stays byte for byte what it was.
/// </summary>
public sealed class BackupRestoreRefusalTests
{
    [Fact]
    public async Task Restore_RefusesARunningHostsDatabase_ADamagedCopy_ATamperedAudit_AndANewerSchema_LeavingTheTargetUntouched()
    {
        var folder = new BackupFolder();
        var live = folder.File("live.db");
        var copy = folder.File("kopie.db");
        await using var host = folder.Host(live);
        await host.InitializeAsync();
        using (var prof1 = await host.AsAsync("prof1")) await Api.ApiWorld.RegisterIntakeAsync(prof1);

        // Backup: an existing file is overwritten only with --force.
        Assert.Equal(0, (await BackupFolder.RunAsync(BackupCommand.RunAsync, [copy, .. BackupFolder.ConfigurationOf(live)])).Exit);
        var copyHash = BackupFolder.Hash(copy);
        var (again, againOutput) = await BackupFolder.RunAsync(BackupCommand.RunAsync, [copy, .. BackupFolder.ConfigurationOf(live)]);
        Assert.Equal((1, copyHash), (again, BackupFolder.Hash(copy)));
        Assert.Contains("exists; add --force", againOutput);
        Assert.Equal(0, (await BackupFolder.RunAsync(BackupCommand.RunAsync, [copy, "--force", .. BackupFolder.ConfigurationOf(live)])).Exit);

        // The running host holds its database: restore will not swap it out from under it.
        var liveHash = BackupFolder.Hash(live);
        var (locked, lockedOutput) = await BackupFolder.RunAsync(RestoreCommand.RunAsync, [copy, "--force", .. BackupFolder.ConfigurationOf(live)]);
        Assert.Equal(1, locked);
        Assert.Contains("A host is running on " + live, lockedOutput);
        Assert.Equal(liveHash, BackupFolder.Hash(live));

        // A database no host runs on: replaced only with --force, and only by a copy that passes every check.
        var target = folder.File("doel.db");
        Assert.Equal(0, (await BackupFolder.RunAsync(RestoreCommand.RunAsync, [copy, "--to", target, .. BackupFolder.ConfigurationOf(target)])).Exit);
        var targetHash = BackupFolder.Hash(target);
        var (exists, existsOutput) = await BackupFolder.RunAsync(RestoreCommand.RunAsync, [copy, "--to", target, .. BackupFolder.ConfigurationOf(target)]);
        Assert.Equal(1, exists);
        Assert.Contains("exists; add --force", existsOutput);

        var damaged = Variant(folder, copy, "beschadigd.db");
        await using (var file = new FileStream(damaged, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length / 2 / 4096 * 4096;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 3 * 4096).ToArray());
        }
        await AssertRefusedAsync(damaged, target, targetHash, "the copy is damaged");

        var tampered = Variant(folder, copy, "bewerkt.db");
        BackupFolder.Execute(tampered, "DROP TRIGGER AuditLog_NoUpdate; UPDATE AuditLog SET UserId = 'iemand-anders' WHERE Sequence = 2;");
        await AssertRefusedAsync(tampered, target, targetHash, "the audit log in the copy does not verify (Edited) at line 2");

        var newer = Variant(folder, copy, "nieuwer.db");
        BackupFolder.Execute(newer, "INSERT INTO __PlatformMigrationsHistory (MigrationId, ProductVersion) VALUES ('29990101000000_Toekomst', '99.0.0');");
        await AssertRefusedAsync(newer, target, targetHash, "the copy was made by a newer version of ProcessEngine (migrations this build does not know: 29990101000000_Toekomst)");
    }

    [Fact]
    public async Task BackupAndRestore_OnPostgreSql_AreRefused_PointingToPgDump()
    {
        string[] postgres = ["--Database:Provider=PostgreSql", "--ConnectionStrings:ProcessEngine=Host=127.0.0.1;Database=processengine;Username=processengine"];
        var file = new BackupFolder().File("kopie.db");

        var (backup, backupOutput) = await BackupFolder.RunAsync(BackupCommand.RunAsync, [file, .. postgres]);
        var (restore, restoreOutput) = await BackupFolder.RunAsync(RestoreCommand.RunAsync, [file, .. postgres]);

        Assert.Equal((1, 1), (backup, restore));
        Assert.Contains("pg_dump -Fc", backupOutput);
        Assert.Contains("pg_restore", restoreOutput);
        Assert.False(File.Exists(file));
    }

    /// <summary>A changed copy of the backup, with the backup's checkpoints beside it.</summary>
    private static string Variant(BackupFolder folder, string copy, string name)
    {
        var variant = folder.File(name);
        File.Copy(copy, variant);
        File.Copy(Backup.SqliteFiles.CheckpointsOf(copy), Backup.SqliteFiles.CheckpointsOf(variant));
        return variant;
    }

    private static async Task AssertRefusedAsync(string copy, string target, string targetHash, string reason)
    {
        var (exit, output) = await BackupFolder.RunAsync(RestoreCommand.RunAsync, [copy, "--to", target, "--force", .. BackupFolder.ConfigurationOf(target)]);
        Assert.Equal(1, exit);
        Assert.Contains("Restore refused: " + reason, output);
        Assert.Contains(target + " was not changed", output);
        Assert.Equal(targetHash, BackupFolder.Hash(target));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(target)!, Path.GetFileName(target) + ".restore-*"));
    }
}
