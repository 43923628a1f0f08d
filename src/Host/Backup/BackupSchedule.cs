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
        services.AddSingleton<IValidateOptions<BackupOptions>, BackupOptionsValidation>();
        services.AddSingleton<SqliteBackup>();
        services.AddTransient<BackupJob>();
        return services;
    }

    /// <summary>A setting that cannot work stops the start with one line naming it, as other refused starts do.</summary>
    public static void Schedule(IServiceProvider services)
    {
        BackupOptions options;
        try { options = services.GetRequiredService<IOptions<BackupOptions>>().Value; }
        catch (OptionsValidationException invalid) { throw new StartRefusedException(invalid.Message); }
        if (options.Enabled && services.GetRequiredService<DatabaseConnection>().Provider != DatabaseProvider.Sqlite)
            throw new StartRefusedException("Backup:Folder is set, but the database is PostgreSQL: back it up with pg_dump (see \"Backup and restore\" in the README) and leave Backup:Folder empty.");
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        if (options.Enabled) recurring.AddOrUpdate<BackupJob>(BackupJob.Id, job => job.RunAsync(CancellationToken.None), options.Cron);
        else recurring.RemoveIfExists(BackupJob.Id);
    }
}
