namespace ProcessEngine.Host.Backup;

/// <summary>The "Backup" configuration section: the daily copy of the SQLite database. Off while Folder is empty.</summary>
public sealed class BackupOptions
{
    /// <summary>Where the copies go; empty (the default) turns the daily backup off.</summary>
    public string? Folder { get; set; }

    /// <summary>When the copy is made, as a cron expression in UTC; daily at 02:30 by default.</summary>
    public string Cron { get; set; } = "30 2 * * *";

    /// <summary>How many copies are kept; older ones go, with their checkpoint files.</summary>
    public int Keep { get; set; } = 14;

    public bool Enabled => !string.IsNullOrWhiteSpace(Folder);
}
