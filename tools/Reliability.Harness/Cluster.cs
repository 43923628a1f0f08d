namespace ProcessEngine.Reliability;

/// <summary>
/// N identical host processes on one database. On SQLite N is 1 (one writer process); a PostgreSQL
/// database takes any N, so the two-node cases are the same tests with another database and count.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    private Cluster(HostDatabase database, IReadOnlyList<HostProcess> nodes)
    {
        Database = database;
        Nodes = nodes;
    }

    public HostDatabase Database { get; }
    public IReadOnlyList<HostProcess> Nodes { get; }

    /// <summary>Starts <paramref name="nodes"/> hosts one after the other (each migrates and seeds before it is healthy).</summary>
    public static async Task<Cluster> StartAsync(HostDatabase database, int nodes = 1, IReadOnlyDictionary<string, string>? settings = null)
    {
        if (nodes < 1) throw new ArgumentOutOfRangeException(nameof(nodes), "A cluster has at least one node.");
        if (nodes > 1 && database.Provider == HostDatabase.Sqlite)
            throw new ArgumentException("SQLite has one writer process: run several nodes on PostgreSQL.", nameof(nodes));
        var started = new List<HostProcess>();
        try
        {
            for (var i = 0; i < nodes; i++) started.Add(await HostProcess.StartAsync($"node{i + 1}", database, settings));
        }
        catch
        {
            foreach (var node in started) await node.DisposeAsync();
            throw;
        }
        return new Cluster(database, started);
    }

    /// <summary>The node that serves request number <paramref name="i"/>: round robin, so work spreads over every node.</summary>
    public HostProcess NodeFor(int i) => Nodes[i % Nodes.Count];

    public string OutputTails() => string.Join("\n", Nodes.Select(n => $"=== {n.Name} ===\n{n.OutputTail()}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
    }
}
