namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// Signed checkpoints outside the database are what shows a log cut short at its end; they belong where a copy of the
/// database folder, or whoever can write the database, does not reach them too.
/// </summary>
public sealed class AuditCheckpointCheck : IDoctorCheck
{
    private const string Area = "Audit checkpoints";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var configured = context.Configuration["Audit:Checkpoints:Path"];
        if (string.IsNullOrWhiteSpace(configured))
            return Done(DoctorFinding.Blocking(Area, "Audit:Checkpoints:Path is empty: no signed checkpoints, so a log cut short at its end would not show.",
                "set Audit__Checkpoints__Path to a file in a folder apart from the database, e.g. /var/lib/processengine-audit/audit-checkpoints.log."));
        var path = DoctorContext.FullPath(configured);
        var folder = DoctorFiles.FolderOf(path);
        if (!DoctorFiles.CanWriteIn(folder))
            return Done(DoctorFinding.Blocking(Area, $"the checkpoints folder {folder} cannot be written by this user.",
                $"make {folder} writable for the host's user, or set Audit__Checkpoints__Path elsewhere."));
        if (context.SqliteFile is { } database && folder == DoctorFiles.FolderOf(database))
            return Done(DoctorFinding.Warning(Area, $"the checkpoints file {path} is in the same folder as the SQLite database: a copy of the folder takes both, "
                + "and whoever can write the database can rewrite the checkpoints.", "set Audit__Checkpoints__Path to a file in another folder."));
        return Done(DoctorFinding.Ok(Area, $"{path}, writable, apart from the database."));
    }

    private static Task<IReadOnlyList<DoctorFinding>> Done(DoctorFinding finding) => Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
}
