using Microsoft.Extensions.Options;
using ProcessEngine.Data;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// Writes a checkpoint of the log's current end when it moved since this writer's last one; an idle log adds
/// nothing to the file.
/// </summary>
public sealed class AuditCheckpointWriter(AuditLog log, AuditKeys keys, AuditCheckpointFile file, DatabaseConnection database,
    IOptions<AuditOptions> options, TimeProvider clock)
{
    private long _lastWritten = -1;

    public bool Enabled => file.Path is not null;

    /// <summary>Returns the checkpoint written, or null when there was nothing new (or checkpoints are off).</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken ct = default)
    {
        if (!Enabled || await log.LastAsync(ct) is not { } last || last.Sequence == Interlocked.Read(ref _lastWritten)) return null;
        var checkpoint = AuditCheckpoint.Create(database.Identity, last.Sequence, last.Hash, clock.GetUtcNow(), options.Value.NodeName, keys);
        await file.AppendAsync(checkpoint, ct);
        Interlocked.Exchange(ref _lastWritten, last.Sequence);
        return checkpoint;
    }
}
