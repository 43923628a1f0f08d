using System.Globalization;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Backup;

/// <summary>
/// The daily backup (Hangfire recurring job): a copy named with its UTC moment in Backup:Folder, then only the newest
/// Backup:Keep copies are kept. The names sort by time, so the oldest are the first in name order.
/// </summary>
public sealed partial class BackupJob(SqliteBackup backup, AuditKeys keys, IOptions<BackupOptions> options, TimeProvider clock, ILogger<BackupJob> logger)
{
    public const string Id = "backup";
    private const string Prefix = "processengine-";
    private const string Extension = ".db";

    public async Task<BackupResult> RunAsync(CancellationToken ct)
    {
        var folder = Path.GetFullPath(options.Value.Folder ?? throw new InvalidOperationException("Backup:Folder is empty: the daily backup is off."));
        var name = Prefix + clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        // Two runs within one second (a retry, a manual trigger) get a suffix rather than overwrite the first.
        var target = Path.Combine(folder, name + Extension);
        for (var n = 2; File.Exists(target); n++) target = Path.Combine(folder, $"{name}-{n}{Extension}");
        var result = await backup.CreateAsync(target, force: false, keys, ct);
        LogWritten(logger, result.Path, result.Bytes, result.Trajecten, result.AuditLines);
        foreach (var old in Copies(folder).SkipLast(options.Value.Keep))
        {
            File.Delete(old);
            File.Delete(SqliteFiles.CheckpointsOf(old));
            LogDeleted(logger, old);
        }
        return result;
    }

    /// <summary>The job's copies in the folder, oldest first; other files there are left alone.</summary>
    public static IReadOnlyList<string> Copies(string folder) => Directory.Exists(folder)
        ? [.. Directory.EnumerateFiles(folder, Prefix + "*" + Extension).Order(StringComparer.Ordinal)]
        : [];

    [LoggerMessage(LogLevel.Information, "Backup written: {Path} ({Bytes} bytes, {Trajecten} trajecten, {AuditLines} audit lines).")]
    private static partial void LogWritten(ILogger logger, string path, long bytes, long trajecten, long auditLines);

    [LoggerMessage(LogLevel.Information, "Old backup deleted: {Path}.")]
    private static partial void LogDeleted(ILogger logger, string path);
}
