namespace ProcessEngine.Host.Commands.Doctor;

/// <summary>
/// The Data Protection key ring (cookies, antiforgery) lives in the database, encrypted under a key-encryption key from
/// DataProtection:KeyEncryptionKey (base64, at least 32 bytes) or the file DataProtection:KeyFile, made at the first
/// start. Nodes sharing one database need the same key, or each node's cookies fail on the others.
/// </summary>
public sealed class DataProtectionCheck : IDoctorCheck
{
    private const string Area = "Data Protection";
    private const string DefaultKeyFile = "data/dataprotection-key.json";

    public Task<IReadOnlyList<DoctorFinding>> RunAsync(DoctorContext context, CancellationToken ct)
    {
        var config = context.Configuration;
        var key = config["DataProtection:KeyEncryptionKey"];
        DoctorFinding finding = !string.IsNullOrWhiteSpace(key) ? FromKey(key)
            : FromFile(DoctorContext.FullPath(config["DataProtection:KeyFile"] is { Length: > 0 } file ? file : DefaultKeyFile), context.IsPostgreSql, context.SqliteFile);
        return Task.FromResult<IReadOnlyList<DoctorFinding>>([finding]);
    }

    // The host's own reading of the key, so the doctor and the start agree on what is usable.
    private static DoctorFinding FromKey(string key) =>
        Security.KeyEncryptionKey.Problem(new Security.KeyRingOptions { KeyEncryptionKey = key }) is { } problem
            ? DoctorFinding.Blocking(Area, problem, "set DataProtection__KeyEncryptionKey to base64 of 32 random bytes (openssl rand -base64 32) from the secret store.")
            : DoctorFinding.Ok(Area, "the key ring is encrypted under DataProtection:KeyEncryptionKey.");

    private static DoctorFinding FromFile(string file, bool severalNodes, string? database)
    {
        var exists = File.Exists(file);
        if (exists && !DoctorFiles.CanRead(file))
            return DoctorFinding.Blocking(Area, $"the Data Protection key file {file} cannot be read by this user.", $"make {file} readable for the host's user (chmod 600).");
        // Only an existing file is read: the doctor never makes one.
        if (exists && Security.KeyEncryptionKey.Problem(new Security.KeyRingOptions { KeyFile = file }) is { } problem)
            return DoctorFinding.Blocking(Area, problem, $"restore the key file {file} from its backup, or remove it before the first start so the host makes a new one.");
        if (severalNodes)
            return DoctorFinding.Warning(Area, $"only the key file {file} protects the key ring on PostgreSQL: every node needs the same key.",
                "set DataProtection__KeyEncryptionKey from your secret store or copy the file.");
        // The key ring sits in the database; with its key beside it, one copy of the folder can forge any session.
        if (database is not null && DoctorFiles.FolderOf(file) == DoctorFiles.FolderOf(database))
            return DoctorFinding.Warning(Area, $"the Data Protection key file is in the database's folder {DoctorFiles.FolderOf(file)}: a copy of that folder can forge sessions.",
                "set DataProtection__KeyEncryptionKey from a secret store (openssl rand -base64 32), or DataProtection__KeyFile to a file in another folder.");
        if (exists && DoctorFiles.GroupOrOthersCanRead(file))
            return DoctorFinding.Warning(Area, $"the Data Protection key file {file} can be read by group or others.", $"chmod 600 {file}");
        return DoctorFinding.Ok(Area, exists ? $"the key ring is encrypted under the key file {file}."
            : $"no key file at {file} yet: the host makes one at its first start (or set DataProtection__KeyEncryptionKey).");
    }
}
