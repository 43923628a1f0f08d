using Hangfire;
using Microsoft.Extensions.Options;
using ProcessEngine.Data;
using ProcessEngine.Host.Extensions;

namespace ProcessEngine.Host.Backup;

/// <summary>Registers (or removes) the daily backup job at start-up, after checking its settings.</summary>
public static class BackupSchedule
{
    public static IServiceCollection AddDailyBackup(this IServiceCollection services, IConfiguration config)
    {
        // Checked in Schedule, at start-up, so a wrong setting is one line naming it rather than a stack trace.
        services.AddOptions<BackupOptions>().Bind(config.GetSection("Backup"));
        services.AddSingleton<SqliteBackup>();
        services.AddTransient<BackupJob>();
        return services;
    }

    /// <summary>A setting that cannot work stops the start with one line naming it, as other refused starts do.</summary>
    public static void Schedule(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (!options.Enabled)
        {
            recurring.RemoveIfExists(BackupJob.Id);
            return;
        }
        if (options.Keep < 1) throw new StartRefusedException($"Backup:Keep is {options.Keep}; it must be 1 or more.");
        if (services.GetRequiredService<DatabaseConnection>().Provider != DatabaseProvider.Sqlite)
            throw new StartRefusedException("Backup:Folder is set, but the database is PostgreSQL: back it up with pg_dump (see \"Backup and restore\" in the README) and leave Backup:Folder empty.");
        try
        {
            recurring.AddOrUpdate<BackupJob>(BackupJob.Id, job => job.RunAsync(CancellationToken.None), options.Cron);
        }
        catch (ArgumentException ex)
        {
            throw new StartRefusedException($"Backup:Cron '{options.Cron}' is not a cron expression: {ex.Message}");
        }
    }
}
