namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// The "Audit" configuration section: the keys that sign the chain (held outside the database, so someone
/// who can write the table still cannot make a line the verifier accepts) and where checkpoints go.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The key new lines are signed with; must be one of <see cref="Keys"/> when those are given.</summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// Every key that may appear in the log, by id, as base64 (at least 32 bytes). Old keys stay listed after
    /// a rotation so the lines they signed still verify. Usually given through the environment
    /// (<c>Audit__Keys__2027a=…</c>) or a secret store, never in a file next to the database.
    /// </summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>
    /// Used when <see cref="Keys"/> is empty: a JSON file holding the key id and keys, created with a fresh key
    /// (readable by the owner only) when it does not exist. The embedded default keeps it in data/.
    /// </summary>
    public string? KeyFile { get; set; }

    /// <summary>
    /// Whether a missing <see cref="KeyFile"/> is created with a fresh key (the host, on its first start) or is an
    /// error (`audit verify`: a fresh key would call every line forged).
    /// </summary>
    public bool CreateKeyFile { get; set; } = true;

    /// <summary>
    /// The name of this node, written on every line and checkpoint it makes; by default the machine's name and
    /// the process id (distinct for nodes sharing a machine, but new after every restart: set it to keep one name).
    /// </summary>
    public string? Node { get; set; }

    public string NodeName => Node is { Length: > 0 } node ? node : $"{Environment.MachineName}/{Environment.ProcessId}";

    public AuditCheckpointOptions Checkpoints { get; set; } = new();
}

/// <summary>
/// Signed checkpoints (sequence, hash, time) written outside the database, so a shortened log shows: to a file, to a
/// syslog server, or both. With neither set checkpoints are off.
/// </summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>A file checkpoints are appended to, one JSON line each; empty writes no file.</summary>
    public string? Path { get; set; }

    /// <summary>
    /// A syslog server every checkpoint is also sent to, as <c>udp://host:port</c> or <c>tcp://host:port</c> (RFC 5424,
    /// octet-counted over TCP); empty sends none. See <see cref="SyslogEndpoint"/>.
    /// </summary>
    public string? Syslog { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);
}
