using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ProcessEngine.HostStore.Audit;

/// <summary>
/// What the log looked like at a moment: its last line's sequence and hash, signed with an audit key. Kept
/// outside the database, a checkpoint is what shows a log that was cut short, emptied or rewritten as a whole.
/// </summary>
public sealed record AuditCheckpoint(string Database, long Sequence, string Hash, DateTimeOffset At, string Node, string KeyId, string Signature)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static AuditCheckpoint Create(string database, long sequence, string hash, DateTimeOffset at, string node, AuditKeys keys) =>
        new(database, sequence, hash, at, node, keys.CurrentKeyId, keys.Sign(keys.CurrentKeyId, Text(database, sequence, hash, at, node)));

    public bool IsSignedBy(AuditKeys keys) => keys.Knows(KeyId) && keys.Sign(KeyId, Text(Database, Sequence, Hash, At, Node)) == Signature;

    /// <summary>
    /// The checkpoint as the one JSON line every target gets (the file's line, the syslog message), so that any
    /// target's store can be read back by <see cref="Parse"/>. The serializer escapes all non-ASCII, so the line is ASCII.
    /// </summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A checkpoint from its JSON line, or null when the text is not one (the verifier then names it forged).</summary>
    public static AuditCheckpoint? Parse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditCheckpoint>(text, Json) is { Database: not null, Hash: not null, Node: not null, KeyId: not null, Signature: not null } checkpoint
                ? checkpoint : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(string database, long sequence, string hash, DateTimeOffset at, string node) => string.Join('\u001f', "checkpoint",
        database, sequence.ToString(CultureInfo.InvariantCulture), hash, at.UtcTicks.ToString(CultureInfo.InvariantCulture), node);
}

/// <summary>
/// The checkpoint file: one JSON line per checkpoint, appended. Several nodes, and hosts of other databases, may
/// share one file: each line names its database and is checked on its own signature, and appends take turns. They
/// must: .NET opens a file for appending at its end and then writes at that offset, so two writers that opened
/// together write over each other and leave a torn line, which the verifier would read as a forged checkpoint.
/// Within a process a lock per file orders the appends; between processes the writer opens the file exclusively
/// (an advisory lock on Unix) and tries again while another holds it.
/// </summary>
public sealed class AuditCheckpointFile(IOptions<AuditOptions> options)
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public string? Path => options.Value.Checkpoints.Path is { Length: > 0 } path ? path : null;

    public async Task AppendAsync(AuditCheckpoint checkpoint, CancellationToken ct = default)
    {
        var path = System.IO.Path.GetFullPath(Path ?? throw new InvalidOperationException("No checkpoint file: set Audit:Checkpoints:Path."));
        if (System.IO.Path.GetDirectoryName(path) is { } folder) Directory.CreateDirectory(folder);
        var line = System.Text.Encoding.UTF8.GetBytes(checkpoint.ToJson() + "\n");
        var file = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        var turn = Turns.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            await using var stream = await OpenAsync(path, file, ct);
            await stream.WriteAsync(line, ct);
            await stream.FlushAsync(ct);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Every checkpoint in the file, in file order, with its line number; a line that does not parse is returned as null.
    /// A last line without its newline is a write cut short (the host died mid-append, or another node is appending
    /// right now): it is left out rather than reported as a forgery, since a checkpoint counts only once written whole.
    /// </summary>
    public async Task<IReadOnlyList<(int Line, AuditCheckpoint? Checkpoint)>> ReadAsync(CancellationToken ct = default)
    {
        if (Path is not { } path || !File.Exists(path)) return [];
        string text;
        await using (var stream = await OpenAsync(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite }, ct))
        using (var reader = new StreamReader(stream))
            text = await reader.ReadToEndAsync(ct);
        var lines = text.Split('\n');
        // After the last newline comes either nothing or an unfinished line: neither is a checkpoint.
        return [.. lines.Take(lines.Length - 1).Select((line, index) => (Line: index + 1, Text: line))
            .Where(l => !string.IsNullOrWhiteSpace(l.Text)).Select(l => (l.Line, AuditCheckpoint.Parse(l.Text)))];
    }

    // Another process appending holds the file for a moment: wait for it rather than fail the check or the checkpoint.
    private static async Task<FileStream> OpenAsync(string path, FileStreamOptions mode, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                return new FileStream(path, mode);
            }
            catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), ct);
            }
        }
    }
}
