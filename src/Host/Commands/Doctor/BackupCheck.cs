using ProcessEngine.Host.Backup;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>SQLite is backed up by the host's daily job when Backup:Folder is set; PostgreSQL by pg_dump, outside the host.</summary>
public sealed class BackupCheck : IDoctorCheck
{
    private const string Area = "Backup";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var options = context.Configuration.GetSection("Backup").Get<BackupOptions>() ?? new BackupOptions();
        DoctorFinding finding = context.IsPostgreSql
            ? options.Enabled
                ? DoctorFinding.Blocking(Area, "Backup:Folder is set, but the database is PostgreSQL (the host refuses to start).", "remove Backup__Folder; back up with pg_dump.")
                : DoctorFinding.Ok(Area, "PostgreSQL: back up with pg_dump, saving the audit checkpoints file first (README, \"Backup and restore\").")
            : context.SqliteFile is not { } database ? DoctorFinding.Ok(Area, "no database configured, nothing to back up yet.")
            : Sqlite(options, database);
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }

    private static DoctorFinding Sqlite(BackupOptions options, string database)
    {
        if (!options.Enabled)
            return DoctorFinding.Warning(Area, "Backup:Folder is empty: no daily backup of the SQLite database.", "set Backup__Folder, on another disk.");
        if (options.Keep < 1)
            return DoctorFinding.Blocking(Area, $"Backup:Keep is {options.Keep} (the host refuses to start).", "set Backup__Keep to 1 or more (default 14).");
        var folder = DoctorContext.FullPath(options.Folder!);
        if (DoctorFiles.IsIn(folder, DoctorFiles.FolderOf(database)))
            return DoctorFinding.Warning(Area, $"Backup:Folder {folder} is beside the database: a lost disk or a copied folder takes both.",
                "set Backup__Folder, on another disk.");
        if (!DoctorFiles.CanWriteIn(folder))
            return DoctorFinding.Warning(Area, $"Backup:Folder {folder} cannot be written by this user: the daily job would fail.",
                $"make {folder} writable for the host's user, or set Backup__Folder elsewhere.");
        return DoctorFinding.Ok(Area, $"daily backup to {folder} at '{options.Cron}' (UTC), keeping {options.Keep}.");
    }
}
