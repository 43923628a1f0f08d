using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// The audit chain's keys, read as the host reads them (AuditKeys) but never made: kept outside the database and out of
/// reach of others, since whoever holds them can forge lines the verifier accepts.
/// </summary>
public sealed class AuditKeyCheck : IDoctorCheck
{
    private const string Area = "Audit keys";
    private const string SetKeys = "set Audit__KeyFile to the host's key file, or Audit__Keys__<id> (base64, at least 32 bytes) from a secret store.";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var options = context.Configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        options.CreateKeyFile = false;
        IReadOnlyList<DoctorFinding> findings = options.Keys.Count > 0 ? [FromConfiguration(options)]
            : options.KeyFile is { Length: > 0 } file ? FromFile(DoctorContext.FullPath(file), options, context)
            : [DoctorFinding.Blocking(Area, "neither Audit:Keys nor Audit:KeyFile is set: the host cannot sign the audit log.", SetKeys)];
        return Task.FromResult(findings);
    }

    private static DoctorFinding FromConfiguration(AuditOptions options)
    {
        var problem = Problem(options);
        return problem is null ? DoctorFinding.Ok(Area, $"Audit:Keys configured ({options.Keys.Count} key(s)), outside the database.")
            : DoctorFinding.Blocking(Area, problem, SetKeys);
    }

    private static IReadOnlyList<DoctorFinding> FromFile(string file, AuditOptions options, DoctorContext context)
    {
        if (!File.Exists(file))
            return [context.Facts.HasAuditLines
                ? DoctorFinding.Blocking(Area, $"no audit key file at {file}, but the database holds audit lines: a fresh key would call every one of them forged.", SetKeys)
                : DoctorFinding.Warning(Area, $"no audit key file at {file} yet: the host makes one (owner-only) at its first start.",
                    "back it up apart from the database once made, or set Audit__Keys__<id> from a secret store.")];
        if (!DoctorFiles.CanRead(file))
            return [DoctorFinding.Blocking(Area, $"the audit key file {file} cannot be read by this user.", $"run as the host's user, or make {file} readable for it (chmod 600, owned by that user).")];
        options.KeyFile = file;
        if (Problem(options) is { } problem) return [DoctorFinding.Blocking(Area, problem, SetKeys)];
        var findings = new List<DoctorFinding>();
        if (DoctorFiles.GroupOrOthersCanRead(file))
            findings.Add(DoctorFinding.Warning(Area, $"the audit key file {file} can be read by group or others.", $"chmod 600 {file}"));
        if (context.SqliteFile is { } database && DoctorFiles.FolderOf(file) == DoctorFiles.FolderOf(database))
            findings.Add(DoctorFinding.Warning(Area, $"the audit key file is in the database's folder {DoctorFiles.FolderOf(file)}: whoever can write the database can read the key.",
                "set Audit__KeyFile to a file in another folder (another user's, or /etc/processengine)."));
        if (findings.Count == 0) findings.Add(DoctorFinding.Ok(Area, $"key file {file}, readable by its owner only."));
        return findings;
    }

    /// <summary>What the host would refuse about the keys, in AuditKeys' own words; null when they load.</summary>
    private static string? Problem(AuditOptions options)
    {
        try
        {
            _ = new AuditKeys(Options.Create(options));
            return null;
        }
        catch (AuditKeyException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"the audit keys cannot be read: {ex.Message}";
        }
    }
}
