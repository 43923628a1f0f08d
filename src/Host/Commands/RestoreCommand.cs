using ProcessEngine.Data;
using ProcessEngine.Host.Backup;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// `restore &lt;file&gt; [--to &lt;database file&gt;] [--force]`: checks a backup copy (integrity, schema version, audit
/// chain against the checkpoints saved with it) and puts it in the place of the configured SQLite database, or of
/// --to. Refused, with the target untouched, while a host runs on the target. Exit code 0 when restored, 1 when refused.
/// </summary>
public static class RestoreCommand
{
    private const string Usage = "usage: restore <file> [--to <database file>] [--force] [--ConnectionStrings:ProcessEngine=<connection string>] [--Audit:KeyFile=<file>] [--Audit:Checkpoints:Path=<file>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var (words, configurationArgs) = CommandServices.Split(args, "--to");
        var force = words.Remove("--force");
        string? to = null;
        if (words.IndexOf("--to") is var at and >= 0) { to = words[at + 1]; words.RemoveRange(at, 2); }
        if (words is not [var backup] || backup.StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine(Usage);
            return 1;
        }
        try
        {
            var configuration = CommandServices.Configuration(configurationArgs);
            await using var services = CommandServices.Build(configuration);
            var database = services.GetRequiredService<DatabaseConnection>();
            if (database.Provider != DatabaseProvider.Sqlite)
                throw new RestoreRefusedException("The configured database is PostgreSQL: restore it with pg_restore into an empty database (see \"Backup and restore\" in the README).");
            var target = to ?? SqliteFiles.DataSourceOf(database.ConnectionString);
            var result = await SqliteRestore.RunAsync(backup, target, force, services.GetRequiredService<AuditKeys>(),
                configuration["Audit:Checkpoints:Path"], TimeProvider.System);
            output.WriteLine($"restored: {result.Target} ({result.Bytes:N0} bytes) from {Path.GetFullPath(backup)}");
            output.WriteLine("checked: integrity ok; schema "
                + (result.Findings.OlderMigrations == 0 ? "current" : $"older by {result.Findings.OlderMigrations} migration(s), applied at the next start")
                + $"; audit log intact ({result.Findings.AuditLines} line(s), {result.Findings.Checkpoints} checkpoint(s) held)");
            output.WriteLine(result.Checkpoints);
            return 0;
        }
        catch (Exception ex) when (ex is RestoreRefusedException or AuditKeyException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            output.WriteLine(ex is RestoreRefusedException ? ex.Message : $"Restore refused: {ex.Message}");
            return 1;
        }
    }
}
