using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// Signed checkpoints outside the database are what shows a log cut short at its end; they belong where a copy of the
/// database folder, or whoever can write the database, does not reach them too: a file in another folder, a syslog
/// server on another machine, or both. The syslog server is not contacted: the doctor reads, it does not send.
/// </summary>
public sealed class AuditCheckpointCheck : IDoctorCheck
{
    private const string Area = "Audit checkpoints";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var configured = context.Configuration["Audit:Checkpoints:Path"];
        var syslogText = context.Configuration[SyslogEndpoint.Setting];
        var hasFile = !string.IsNullOrWhiteSpace(configured);
        var hasSyslog = !string.IsNullOrWhiteSpace(syslogText);
        if (!hasFile && !hasSyslog)
            return Done(DoctorFinding.Blocking(Area, "Audit:Checkpoints:Path and Audit:Checkpoints:Syslog are empty: no signed checkpoints, so a log cut short at its end would not show.",
                "set Audit__Checkpoints__Path to a file in a folder apart from the database, e.g. /var/lib/processengine-audit/audit-checkpoints.log, "
                + "and/or Audit__Checkpoints__Syslog to a syslog server, e.g. tcp://logs.example.nl:601."));
        var findings = new List<DoctorFinding>();
        if (hasSyslog) findings.Add(SyslogFinding(syslogText!, hasFile));
        if (hasFile) findings.Add(FileFinding(configured!, context));
        return Task.FromResult<IReadOnlyList<DoctorFinding>>(findings);
    }

    private static DoctorFinding FileFinding(string configured, DoctorContext context)
    {
        var path = DoctorContext.FullPath(configured);
        var folder = DoctorFiles.FolderOf(path);
        if (!DoctorFiles.CanWriteIn(folder))
            return DoctorFinding.Blocking(Area, $"the checkpoints folder {folder} cannot be written by this user.",
                $"make {folder} writable for the host's user, or set Audit__Checkpoints__Path elsewhere.");
        if (context.SqliteFile is { } database && folder == DoctorFiles.FolderOf(database))
            return DoctorFinding.Warning(Area, $"the checkpoints file {path} is in the same folder as the SQLite database: a copy of the folder takes both, "
                + "and whoever can write the database can rewrite the checkpoints.", "set Audit__Checkpoints__Path to a file in another folder.");
        return DoctorFinding.Ok(Area, $"{path}, writable, apart from the database.");
    }

    private static DoctorFinding SyslogFinding(string text, bool hasFile)
    {
        if (SyslogEndpoint.Parse(text, out var problem) is not { } endpoint)
            return DoctorFinding.Blocking(Area, problem! + " The host refuses to start with it.",
                "set Audit__Checkpoints__Syslog to udp://host:514 or tcp://host:601, or leave it empty.");
        // UDP reports no loss: with no file beside it, a checkpoint that never arrived would go unnoticed.
        if (endpoint.Transport == SyslogTransport.Udp && !hasFile)
            return DoctorFinding.Warning(Area, $"checkpoints go only to syslog over UDP ({endpoint}), which drops a message without a word.",
                "use tcp:// for Audit__Checkpoints__Syslog, or set Audit__Checkpoints__Path as well.");
        return DoctorFinding.Ok(Area, $"sent to syslog {endpoint} (not contacted by the doctor).");
    }

    private static Task<IReadOnlyList<DoctorFinding>> Done(DoctorFinding finding) => Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
}
