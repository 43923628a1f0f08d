using System.Globalization;
using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.Host.Backup;

/// <summary>
/// Puts a restored copy's checkpoints where the host and `audit verify` look (Audit:Checkpoints:Path). The checkpoints
/// of the replaced database go: they describe lines the copy does not have, and would call the restored log cut short.
/// The old file is kept beside it, since those checkpoints are evidence of what the replaced log held. Checkpoints of
/// other databases sharing the file stay. A copy restored under another path gets its checkpoints signed again for
/// that path (same line, hash, moment and node), because a checkpoint names the database it is about.
/// </summary>
public static class CheckpointPlacement
{
    /// <summary>Returns what was done, in a sentence for the operator.</summary>
    public static async Task<string> PlaceAsync(string savedPath, string? configuredPath, string targetIdentity, AuditKeys keys,
        TimeProvider clock, CancellationToken ct = default)
    {
        if (configuredPath is not { Length: > 0 })
            return $"Audit:Checkpoints:Path is empty (no checkpoint file); the copy's checkpoints stay in {savedPath}.";
        configuredPath = Path.GetFullPath(configuredPath);
        var saved = (await Read(savedPath).ReadAsync(ct)).Select(c => c.Checkpoint).Where(c => c is not null).Select(c => c!).ToList();
        var placed = saved.Select(c => c.Database == targetIdentity ? c : AuditCheckpoint.Create(targetIdentity, c.Sequence, c.Hash, c.At, c.Node, keys)).ToList();

        var kept = new List<string>();
        var replaced = 0;
        if (File.Exists(configuredPath))
        {
            var parsed = (await Read(configuredPath).ReadAsync(ct)).ToDictionary(c => c.Line, c => c.Checkpoint);
            var lines = (await File.ReadAllTextAsync(configuredPath, ct)).Split('\n');
            for (var i = 0; i < lines.Length - 1; i++) // after the last newline: nothing, or a line cut short
            {
                if (parsed.TryGetValue(i + 1, out var checkpoint) && checkpoint?.Database == targetIdentity) replaced++;
                else if (lines[i].Length > 0) kept.Add(lines[i]);
            }
        }
        var folder = Path.GetDirectoryName(configuredPath)!;
        Directory.CreateDirectory(folder);
        var partial = configuredPath + ".partial";
        await File.WriteAllTextAsync(partial, string.Concat(kept.Select(l => l + "\n")), ct);
        var file = Read(partial);
        foreach (var checkpoint in placed) await file.AppendAsync(checkpoint, ct);
        var before = "";
        if (File.Exists(configuredPath))
        {
            before = configuredPath + ".before-restore-" + clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            File.Copy(configuredPath, before, overwrite: true);
        }
        File.Move(partial, configuredPath, overwrite: true);
        return $"{placed.Count} checkpoint(s) of the copy placed in {configuredPath}"
            + (placed.Count > 0 && saved[0].Database != targetIdentity ? " (signed again for the restored path)" : "")
            + (replaced > 0 ? $"; {replaced} checkpoint(s) of the replaced database removed from it" : "")
            + (before.Length > 0 ? $"; the file as it was is kept as {before}" : "")
            + ". `audit verify` on the restored database holds it against these.";
    }

    private static AuditCheckpointFile Read(string path) =>
        new(Options.Create(new AuditOptions { Checkpoints = { Path = path } }));
}
