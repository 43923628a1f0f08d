using Microsoft.Extensions.Options;
using ProcessEngine.HostStore.Audit;

namespace ProcessEngine.HostStore.Tests.Audit;

/// <summary>
/// Several writers sharing one checkpoint file (nodes on one machine, or many hosts in one process) each append whole
/// lines: a torn line would be read as a forged checkpoint and raise a false tampering alarm.
/// </summary>
public sealed class AuditCheckpointFileTests
{
    [Fact]
    public async Task ManyWritersAtOnce_LeaveEveryLineWhole()
    {
        var path = Path.Combine(Path.GetTempPath(), "processengine-tests", $"checkpoints-{Guid.NewGuid():N}.log");
        AuditCheckpointFile File() => new(Options.Create(new AuditOptions { Checkpoints = new AuditCheckpointOptions { Path = path } }));
        const int writers = 16, each = 100;

        // Writers of different lengths (the node's name), all starting at once: two that open the file together are
        // what tore a line before appends took turns.
        using var start = new Barrier(writers);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Factory.StartNew(async () =>
        {
            var file = File();
            start.SignalAndWait();
            for (var i = 0; i < each; i++)
                await file.AppendAsync(new AuditCheckpoint($"sqlite:/tmp/db-{w}.db", i, new string('a', 64), DateTimeOffset.UnixEpoch,
                    $"node-{w}-{new string('n', w)}", "k1", new string('s', 64)));
        }, TaskCreationOptions.LongRunning).Unwrap()));

        var lines = await File().ReadAsync();
        Assert.Equal(writers * each, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.Checkpoint));
        Assert.All(Enumerable.Range(0, writers), w => Assert.Equal(Enumerable.Range(0, each).Select(i => (long)i),
            lines.Where(l => l.Checkpoint!.Node == $"node-{w}-{new string('n', w)}").Select(l => l.Checkpoint!.Sequence)));
    }
}
