using System.Globalization;
using ProcessEngine.Host.Backup;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands;

/// <summary>
/// `backup &lt;file&gt; [--force]`: a consistent copy of the configured SQLite database, also while a host runs on it,
/// with the audit checkpoints of that moment beside it (&lt;file&gt;.audit-checkpoints.log). PostgreSQL is refused:
/// pg_dump is its tool. Exit code 0 when written, 1 when refused.
/// </summary>
public static class BackupCommand
{
    private const string Usage = "usage: backup <file> [--force] [--ConnectionStrings:ProcessEngine=<connection string>] [--Audit:KeyFile=<file>] [--Audit:Checkpoints:Path=<file>]";

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var (words, configurationArgs) = CommandServices.Split(args);
        var force = words.Remove("--force");
        if (words is not [var target] || target.StartsWith("--", StringComparison.Ordinal))
        {
            output.WriteLine(Usage);
            return 1;
        }
        try
        {
            await using var services = CommandServices.Build(CommandServices.Configuration(configurationArgs));
            var keys = Keys(services, output);
            var result = await services.GetRequiredService<SqliteBackup>().CreateAsync(target, force, keys);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"backup written: {result.Path} ({result.Bytes:N0} bytes; {result.Trajecten:N0} traject(en), {result.AuditLines:N0} audit line(s))"));
            output.WriteLine($"audit checkpoints: {result.CheckpointsPath} ({result.Checkpoints} checkpoint(s)"
                + (result.EndCheckpoint ? ", the last one signed now for the copy's last audit line)" : ")"));
            return 0;
        }
        catch (Exception ex) when (ex is BackupRefusedException or InvalidOperationException or IOException or UnauthorizedAccessException
            or Microsoft.Data.Sqlite.SqliteException)
        {
            output.WriteLine($"backup refused: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The audit keys, or null with a note: the copy is still worth making without its own end checkpoint.</summary>
    private static AuditKeys? Keys(IServiceProvider services, TextWriter output)
    {
        try
        {
            return services.GetRequiredService<AuditKeys>();
        }
        catch (AuditKeyException ex)
        {
            output.WriteLine($"note: the audit keys cannot be read ({ex.Message}); only the host's own checkpoints go with the copy.");
            return null;
        }
    }
}
