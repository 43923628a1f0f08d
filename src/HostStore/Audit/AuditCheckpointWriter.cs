using Microsoft.Extensions.Options;
using ProcessEngine.Data;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// Writes a checkpoint of the log's current end to each target (the file, the syslog server) that does not have that
/// end yet; an idle log adds nothing. Each target keeps its own mark, so a syslog server that was unreachable gets the
/// end at the next call even when the log did not move, without adding a second line of it to the file.
/// </summary>
public sealed class AuditCheckpointWriter(AuditLog log, AuditKeys keys, AuditCheckpointFile file, AuditCheckpointSyslog syslog,
    DatabaseConnection database, IOptions<AuditOptions> options, TimeProvider clock)
{
    private long _filed = -1;
    private long _sent = -1;

    public bool Enabled => file.Path is not null || syslog.Endpoint is not null;

    /// <summary>
    /// Returns the checkpoint written, or null when there was nothing new, checkpoints are off, or no target took it. A
    /// file that cannot be written throws; a syslog server that cannot be reached is logged by the sender.
    /// </summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        if (!Enabled || await log.LastAsync(ct) is not { } last) return null;
        var toFile = file.Path is not null && last.Sequence != Interlocked.Read(ref _filed);
        var toSyslog = syslog.Endpoint is not null && last.Sequence != Interlocked.Read(ref _sent);
        if (!toFile && !toSyslog) return null;
        var checkpoint = AuditCheckpoint.Create(database.Identity, last.Sequence, last.Hash, clock.GetUtcNow(), options.Value.NodeName, keys);
        var written = false;
        // The syslog server first: its send never throws for a server that is down, so a file that cannot be written
        // (which throws, for the caller to log) does not keep the checkpoint from the server as well.
        if (toSyslog && await syslog.SendAsync(checkpoint, ct))
        {
            Interlocked.Exchange(ref _sent, last.Sequence);
            written = true;
        }
        if (toFile)
        {
            await file.AppendAsync(checkpoint, ct);
            Interlocked.Exchange(ref _filed, last.Sequence);
            written = true;
        }
        return written ? checkpoint : null;
    }
}
