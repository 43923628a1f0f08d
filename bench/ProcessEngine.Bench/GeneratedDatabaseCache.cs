using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Migrations;
using ProcessEngine.Synthetic;
using ProcessEngine.Workflows.Hosting;

namespace ProcessEngine.Bench;

/// <summary>
/// A generated benchmark database kept between runs: generating 250,000 trajecten takes longer than measuring
/// them, and a change to a query should be re-measured on the same data. The file name carries a key of
/// what shapes the data — size, years, seed, the shipped flows, the migrations of both schemas and the
/// generator's sources (Activities/Synthetic, Workflows/Persistence/Copying, copied beside the benchmark) —
/// so a change to any of them generates anew. A change elsewhere in the engine that alters what a simulated
/// traject writes is not seen: `--fresh` generates anew by hand. A database counts only once its
/// generation finished (a marker file beside it), so an interrupted run is never measured.
/// </summary>
internal sealed class GeneratedDatabaseCache
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "processengine-bench");
    private readonly int _trajecten;

    private GeneratedDatabaseCache(int trajecten, string key)
    {
        _trajecten = trajecten;
        DatabasePath = Path.Combine(Folder, $"dashboard-{trajecten}-{key}.db");
    }

    public string DatabasePath { get; }

    public bool IsComplete => File.Exists(MarkerPath) && File.Exists(DatabasePath);

    public double SizeInMegabytes => new FileInfo(DatabasePath).Length / 1_048_576.0;

    private string MarkerPath => DatabasePath + ".complete";

    public static GeneratedDatabaseCache For(int trajecten, int years, int seed)
    {
        Directory.CreateDirectory(Folder);
        var cache = new GeneratedDatabaseCache(trajecten, Key(trajecten, years, seed));
        if (!cache.IsComplete) cache.Forget();
        else cache.RemoveOthers();
        return cache;
    }

    public static IEnumerable<string> FlowFiles() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "workflows-json"), "rvt-*.json").Order(StringComparer.Ordinal);

    public void MarkComplete() => File.WriteAllText(MarkerPath, DateTimeOffset.UtcNow.ToString("O"));

    /// <summary>Deletes every database of this size, whatever its key: stale ones only take disk (8 GB at 250,000).</summary>
    public void Forget()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, $"dashboard-{_trajecten}-*")) File.Delete(file);
    }

    private void RemoveOthers()
    {
        foreach (var file in Directory.EnumerateFiles(Folder, $"dashboard-{_trajecten}-*"))
            if (!file.StartsWith(DatabasePath, StringComparison.Ordinal)) File.Delete(file);
    }

    private static string Key(int trajecten, int years, int seed)
    {
        var parts = new StringBuilder().Append(trajecten).Append('|').Append(years).Append('|').Append(seed).Append('|');
        foreach (var file in FlowFiles()) parts.Append(Path.GetFileName(file)).Append('=').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('|');
        foreach (var migration in MigrationIds(typeof(WorkflowEngineServices).Assembly, typeof(Rvt.Persistence.CasusDbContext).Assembly)) parts.Append(migration).Append('|');
        var sources = Path.Combine(AppContext.BaseDirectory, "generator-sources");
        foreach (var file in Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            parts.Append(Path.GetRelativePath(sources, file)).Append('=').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('|');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parts.ToString())))[..12].ToLowerInvariant();
    }

    private static IEnumerable<string> MigrationIds(params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes())
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
}
