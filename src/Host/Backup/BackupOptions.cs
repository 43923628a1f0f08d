using Cronos;
using Microsoft.Extensions.Options;

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

/// <summary>
/// A daily backup whose settings cannot work stops the start, naming the setting. The cron is parsed with Cronos, the
/// parser Hangfire carries inside it, so what passes here is what Hangfire will schedule.
/// </summary>
public sealed class BackupOptionsValidation : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        if (!options.Enabled) return ValidateOptionsResult.Success;
        if (options.Keep < 1) return ValidateOptionsResult.Fail($"Backup:Keep is {options.Keep}; it must be 1 or more.");
        try
        {
            CronExpression.Parse(options.Cron);
            return ValidateOptionsResult.Success;
        }
        catch (CronFormatException ex)
        {
            return ValidateOptionsResult.Fail($"Backup:Cron '{options.Cron}' is not a cron expression: {ex.Message}");
        }
    }
}
