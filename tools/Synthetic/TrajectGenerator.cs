using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ProcessEngine.Rvt.Application;
using ProcessEngine.Rvt.Domain;
using ProcessEngine.Rvt.Persistence;
using ProcessEngine.Workflows.Persistence;
using ProcessEngine.Workflows.Persistence.Copying;
using ProcessEngine.Workflows.Runtime;

namespace ProcessEngine.Synthetic;

/// <param name="Trajecten">How many trajectories to add.</param>
/// <param name="Years">Over how many years before now they were registered (evenly).</param>
/// <param name="Seed">The same seed on the same flows gives the same shapes.</param>
public sealed record GenerateOptions(int Trajecten, int Years, int Seed = 2026, int BatchSize = 500);

public sealed record GenerateProgress(int Done, int Total, string Phase);

public sealed record GenerateReport(int Trajecten, int Open, int Faulted, int Shapes, TimeSpan Elapsed);

/// <summary>
/// Fills a database with synthetic trajectories for demos and the dashboard benchmark. The real engine
/// simulates a few thousand trajectories (every route, maatregels, Stopknop, timers; see
/// <see cref="TrajectSimulator"/>); each of the requested trajectories is then a copy of one of them —
/// new ids and casus code, moved to its own registration date — written through the engine's own store
/// in batches (one transaction each), with its pseudonymous casus and traject rows. A copy is placed so
/// that nothing in it lies after now: a closed shape only where it ends before now, and a traject
/// registered recently takes an open shape simulated up to now from (nearly) the same date.
/// </summary>
public sealed class TrajectGenerator(IWorkflowStore engine, IWorkflowDefinitionStore definitions, IDbContextFactory<CasusDbContext> contexts,
    TimeProvider clock, IOptions<RetentionOptions> retention, IOptions<RvtFlowOptions> flows)
{
    private static readonly string[] ShippedFlows =
        ["rvt-traject", "rvt-aanmelding", "rvt-netwerkberaad", "rvt-interventiegesprek-rvdk", "rvt-begeleiding-in-duo", "rvt-maatregel"];

    /// <summary>How far an open shape may start after the date it stands in for (its copy moves back by at most this).</summary>
    private static readonly TimeSpan OpenSlack = TimeSpan.FromDays(14);

    public async Task<GenerateReport> GenerateAsync(GenerateOptions options, IProgress<GenerateProgress>? progress = null, CancellationToken ct = default)
    {
        if (options.Trajecten < 1) throw new ArgumentOutOfRangeException(nameof(options), "Generate at least one traject.");
        if (options.Years is < 1 or > 20) throw new ArgumentOutOfRangeException(nameof(options), "Years must be 1 to 20.");
        var started = DateTimeOffset.UtcNow;
        var now = clock.GetUtcNow();
        var random = new Random(options.Seed);
        var (jsons, versions) = await LiveFlowsAsync(ct);
        await using var simulator = await TrajectSimulator.CreateAsync(jsons, ct);
        var shapes = await SimulateShapesAsync(simulator, options, now, random, progress, ct);

        var codes = await ExistingCodesAsync(ct);
        var windowStart = now.AddYears(-options.Years);
        int done = 0, open = 0, faulted = 0;
        var faultsLeft = new Queue<SimulatedTraject>(shapes.Faulted);
        while (done < options.Trajecten)
        {
            var changes = new WorkflowChanges();
            var rows = new List<(Casus Casus, Traject Traject)>();
            for (var i = 0; i < options.BatchSize && done < options.Trajecten; i++, done++)
            {
                var start = windowStart + (now - windowStart) * random.NextDouble();
                var shape = faultsLeft.Count > 0 && random.NextDouble() < 0.01 ? faultsLeft.Dequeue() : shapes.Pick(start, now, random);
                var code = NewCode(codes, start);
                // Faults stay where they were simulated (recently); anything else moves to its date, never past now.
                var shift = shape.Faulted ? TimeSpan.Zero : start - shape.Start;
                if (shape.Graph.LastMoment + shift > now) shift = now - shape.Graph.LastMoment;
                var copied = shape.Graph.CopyInto(changes, code, shift, versions);
                var root = copied.FirstOrDefault(x => x.ParentInstanceId is null && x.DefinitionId == flows.Value.TrajectFlow);
                if (root is not null && root.IsActive) open++;
                if (shape.Faulted) faulted++;
                rows.Add(Rows(code, shape, shape.Start + shift, root));
            }
            await engine.CommitAsync(changes, ct);
            await using (var db = await contexts.CreateDbContextAsync(ct))
            {
                db.Casussen.AddRange(rows.Select(r => r.Casus));
                db.Trajecten.AddRange(rows.Select(r => r.Traject));
                await db.SaveChangesAsync(ct);
            }
            progress?.Report(new GenerateProgress(done, options.Trajecten, "opslaan"));
        }
        return new GenerateReport(done, open, faulted, shapes.Count, DateTimeOffset.UtcNow - started);
    }

    private (Casus, Traject) Rows(string code, SimulatedTraject shape, DateTimeOffset start, WorkflowInstance? root)
    {
        var casus = Casus.Create(code, shape.Intake, shape.Inbrenger, start);
        var traject = Traject.Start(casus, start);
        if (root is null) return (casus, traject);
        traject.LinkInstance(root.Id);
        if (root.Status == WorkflowStatus.Finished && root.FinishedAt is { } closedAt)
        {
            var zwaarste = root.Variables.GetValueOrDefault("zwaarsteRoute") as string ?? "netwerkberaad";
            var reden = (root.Variables.GetValueOrDefault("afsluiting") as Dictionary<string, object?>)?.GetValueOrDefault("outcome") as string;
            traject.Close(reden, zwaarste, closedAt, retention.Value.PeriodFor(zwaarste).AddTo(closedAt));
        }
        return (casus, traject);
    }

    private async Task<(List<string> Jsons, Dictionary<string, int> Versions)> LiveFlowsAsync(CancellationToken ct)
    {
        var jsons = new List<string>();
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ShippedFlows)
        {
            var live = await definitions.FindLiveAsync(id, ct)
                ?? throw new InvalidOperationException($"Flow '{id}' is not live in this database: start the host once (it loads the shipped flows) before generating.");
            jsons.Add(live.Json);
            versions[id] = live.Version;
        }
        return (jsons, versions);
    }

    private static async Task<ShapePool> SimulateShapesAsync(TrajectSimulator simulator, GenerateOptions options, DateTimeOffset now, Random random,
        IProgress<GenerateProgress>? progress, CancellationToken ct)
    {
        var closedCount = Math.Clamp(options.Trajecten / 50, 40, 1500);
        var openCount = Math.Clamp(options.Trajecten / 100, 40, 1500);
        var faultCount = Math.Clamp(options.Trajecten / 5000, 2, 50);
        var total = closedCount + openCount + faultCount;
        var pool = new ShapePool();
        // Closed shapes run from a date far enough back to end; what has not ended after three years stays out.
        var farBack = now.AddYears(-options.Years - 4);
        for (var i = 0; i < closedCount; i++)
        {
            var shape = await simulator.RunAsync(farBack, farBack.AddYears(3), random, ct: ct);
            if (shape.Graph.Instances.Count > 0 && shape.Graph.Instances.All(x => !x.IsActive)) pool.Closed.Add(shape);
            progress?.Report(new GenerateProgress(i + 1, total, "simuleren"));
        }
        if (pool.Closed.Count == 0) throw new InvalidOperationException("No simulated traject ended within three years: the flows never finish.");
        var longest = pool.Closed.Max(s => s.Graph.LastMoment - s.Start);
        var recent = now - (longest + OpenSlack);
        for (var i = 0; i < openCount; i++)
        {
            pool.Open.Add(await simulator.RunAsync(recent + (now - recent) * random.NextDouble(), now, random, ct: ct));
            progress?.Report(new GenerateProgress(closedCount + i + 1, total, "simuleren"));
        }
        pool.Open.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 0; i < faultCount; i++)
        {
            var shape = await simulator.RunAsync(now.AddDays(-random.Next(20, 200)), now, random, fault: true, ct);
            if (shape.Faulted) pool.Faulted.Add(shape);
            progress?.Report(new GenerateProgress(closedCount + openCount + i + 1, total, "simuleren"));
        }
        return pool;
    }

    private async Task<HashSet<string>> ExistingCodesAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return [.. await db.Casussen.AsNoTracking().Select(c => c.Code).ToListAsync(ct)];
    }

    private static string NewCode(HashSet<string> taken, DateTimeOffset start)
    {
        while (true)
        {
            var code = CasusCode.New(start);
            if (taken.Add(code)) return code;
        }
    }

    private sealed class ShapePool
    {
        public List<SimulatedTraject> Closed { get; } = [];
        public List<SimulatedTraject> Open { get; } = [];
        public List<SimulatedTraject> Faulted { get; } = [];
        public int Count => Closed.Count + Open.Count + Faulted.Count;

        /// <summary>A closed shape that ends before now from <paramref name="start"/>; else the open shape simulated from just after it.</summary>
        public SimulatedTraject Pick(DateTimeOffset start, DateTimeOffset now, Random random)
        {
            for (var attempt = 0; attempt < 8; attempt++)
            {
                var closed = Closed[random.Next(Closed.Count)];
                if (start + (closed.Graph.LastMoment - closed.Start) <= now) return closed;
            }
            var index = Open.FindIndex(o => o.Start >= start);
            if (index >= 0 && Open[index].Start - start <= OpenSlack) return Open[index];
            // No open shape close enough after this date: the nearest closed one that fits, or the latest open one.
            var fitting = Closed.Where(c => start + (c.Graph.LastMoment - c.Start) <= now).ToList();
            return fitting.Count > 0 ? fitting[random.Next(fitting.Count)] : Open[^1];
        }
    }
}
