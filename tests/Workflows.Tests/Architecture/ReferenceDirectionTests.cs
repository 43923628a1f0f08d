using System.Xml.Linq;

namespace ProcessEngine.Workflows.Tests.Architecture;

/// <summary>
/// The shape of the house, read from the project files themselves: the engine carries no adapter, and
/// references point one way (the table in docs/architecture.md). A new reference that points up, or a
/// database or Hangfire package added to the engine, fails here before it spreads.
/// </summary>
public sealed class ReferenceDirectionTests
{
    // Lower layers know nothing of higher ones; a project may reference only projects of a lower layer.
    private static readonly Dictionary<string, int> Layers = new()
    {
        ["Workflows"] = 0,
        ["Data"] = 0,
        ["Activities"] = 1,
        ["Workflows.EntityFramework"] = 1,
        ["Workflows.Hangfire"] = 1,
        ["HostStore"] = 1,
        ["Rvt"] = 2,
        ["Migrations.PostgreSql"] = 3,
        ["Synthetic"] = 3,
        ["Host"] = 4,
        ["Reliability.Harness"] = 5,
    };

    // The tools are placed in the same layers: the generator below the host that runs it as a command,
    // the reliability harness above the host whose build it starts.
    private static readonly string[] Folders = ["src", "tools"];

    private static readonly string[] AdapterPackages = ["Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire", "Microsoft.AspNetCore"];

    [Fact]
    public void TheEngine_ReferencesNoDatabaseHangfireOrAspNetPackage_AndNoProject()
    {
        var engine = Project("Workflows");
        var adapters = engine.Packages.Where(p => AdapterPackages.Any(a => p.StartsWith(a, StringComparison.Ordinal))).ToList();
        Assert.True(adapters.Count == 0, "src/Workflows references adapter packages: " + string.Join(", ", adapters));
        Assert.Empty(engine.Projects);
    }

    [Fact]
    public void EveryProjectReference_PointsToALowerLayer()
    {
        var projects = (from folder in Folders
                        from directory in Directory.GetDirectories(Path.Combine(Root, folder))
                        let name = Path.GetFileName(directory)
                        where File.Exists(Path.Combine(directory, name + ".csproj"))
                        select name).ToList();
        var unplaced = projects.Where(p => !Layers.ContainsKey(p)).ToList();
        Assert.True(unplaced.Count == 0, "Give these projects a layer here and in docs/architecture.md: " + string.Join(", ", unplaced));

        var upward = (from name in projects
                      from reference in Project(name).Projects
                      where Layers[reference] >= Layers[name]
                      select $"{name} -> {reference}").ToList();
        Assert.True(upward.Count == 0, "References that do not point down: " + string.Join(", ", upward));
    }

    [Fact]
    public void TheBenchmarks_ReferenceNoTestProject()
    {
        var bench = Path.Combine(Root, "bench", "ProcessEngine.Bench", "ProcessEngine.Bench.csproj");
        var references = XDocument.Load(bench).Descendants("ProjectReference").Select(r => (string)r.Attribute("Include")!).ToList();
        Assert.DoesNotContain(references, r => r.Replace('\\', '/').Contains("/tests/", StringComparison.Ordinal));
    }

    private static (IReadOnlyList<string> Packages, IReadOnlyList<string> Projects) Project(string name)
    {
        var file = XDocument.Load(Folders.Select(f => Path.Combine(Root, f, name, name + ".csproj")).First(File.Exists));
        var packages = file.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).ToList();
        var projects = file.Descendants("ProjectReference")
            .Select(p => Path.GetFileNameWithoutExtension(((string)p.Attribute("Include")!).Replace('\\', '/'))).ToList();
        return (packages, projects);
    }

    private static string Root => RepositoryRoot.Path;
}
