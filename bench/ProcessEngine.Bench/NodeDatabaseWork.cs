using System.Globalization;
using System.Net.Http.Json;
using ProcessEngine.Reliability;

namespace ProcessEngine.Bench;

/// <summary>
/// The nodes' own count of their database work (GET /api/diagnostics/database-work, as the demo admin), read
/// before and after the load: the difference is what the load cost, per kind of call and for work no call did.
/// </summary>
internal sealed class NodeDatabaseWork : IDisposable
{
    private readonly List<ApiUser> _admins;

    private NodeDatabaseWork(List<ApiUser> admins) => _admins = admins;

    public static async Task<NodeDatabaseWork> SignInAsync(Cluster cluster)
    {
        var admins = new List<ApiUser>();
        foreach (var node in cluster.Nodes) admins.Add(await ApiUser.SignInAsync(node, "beheerder"));
        return new NodeDatabaseWork(admins);
    }

    /// <summary>Every node's figures, added up per call.</summary>
    public async Task<Snapshot> ReadAsync()
    {
        var calls = new Dictionary<string, Row>(StringComparer.Ordinal);
        long commits = 0, statements = 0;
        foreach (var admin in _admins)
        {
            var report = await admin.Http.GetFromJsonAsync<Report>("/api/diagnostics/database-work")
                ?? throw new InvalidOperationException("No database-work report.");
            commits += report.Commits;
            statements += report.Statements;
            foreach (var call in report.Calls.Append(report.Background))
                calls[call.Call] = calls.TryGetValue(call.Call, out var sum) ? sum + call : call;
        }
        return new Snapshot(commits, statements, calls);
    }

    public void Dispose()
    {
        foreach (var admin in _admins) admin.Dispose();
    }

    public static void Print(Snapshot before, Snapshot after, int completions)
    {
        Console.WriteLine("per call on the server (during the load): calls, commits/call, statements/call, ms waiting on the database/call, ms in server/call");
        foreach (var (name, row) in after.Calls.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            var d = before.Calls.TryGetValue(name, out var earlier) ? row - earlier : row;
            if (d.Count == 0 && d.Commits == 0) continue;
            var per = Math.Max(1, d.Count);
            Console.WriteLine(d.Count == 0
                ? string.Create(CultureInfo.InvariantCulture, $"  {name,-44} {d.Commits} commits, {d.Statements} statements, {d.DatabaseMs:F0} ms waiting on the database")
                : string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-44} {d.Count,7} {(double)d.Commits / per,6:F2} {(double)d.Statements / per,7:F1} {d.DatabaseMs / per,8:F2} {d.ServerMs / per,8:F2}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database: {after.Commits - before.Commits} commits, {after.Statements - before.Statements} statements for {completions} completions"));
        Console.WriteLine("commits per completion, by what made them: " + string.Join(" + ", CommitsPerCompletionByCall(before, after, completions)
            .Select(part => string.Create(CultureInfo.InvariantCulture, $"{part.Call} {part.PerCompletion:F2}"))));
    }

    /// <summary>
    /// The commits of the load spread over its completions per kind of call: a claim's and a completion's own commits
    /// (change, audit line and outbox rows together) apart from the list views' audit lines, sign-ins and background work.
    /// </summary>
    public static IEnumerable<(string Call, double PerCompletion)> CommitsPerCompletionByCall(Snapshot before, Snapshot after, int completions) =>
        after.Calls
            .Select(c => (Call: c.Key, Commits: c.Value.Commits - (before.Calls.TryGetValue(c.Key, out var earlier) ? earlier.Commits : 0)))
            .Where(c => c.Commits > 0)
            .OrderByDescending(c => c.Commits)
            .Select(c => (c.Call, completions == 0 ? 0 : (double)c.Commits / completions));

    public static double CommitsPerCompletion(Snapshot before, Snapshot after, int completions) =>
        completions == 0 ? 0 : (double)(after.Commits - before.Commits) / completions;

    public sealed record Snapshot(long Commits, long Statements, IReadOnlyDictionary<string, Row> Calls);

    public sealed record Row(string Call, long Count, long Commits, long Statements, double DatabaseMs, double ServerMs)
    {
        public static Row operator +(Row a, Row b) =>
            new(a.Call, a.Count + b.Count, a.Commits + b.Commits, a.Statements + b.Statements, a.DatabaseMs + b.DatabaseMs, a.ServerMs + b.ServerMs);

        public static Row operator -(Row a, Row b) =>
            new(a.Call, a.Count - b.Count, a.Commits - b.Commits, a.Statements - b.Statements, a.DatabaseMs - b.DatabaseMs, a.ServerMs - b.ServerMs);
    }

    private sealed record Report(long Commits, long Statements, double DatabaseMs, List<Row> Calls, Row Background);
}
