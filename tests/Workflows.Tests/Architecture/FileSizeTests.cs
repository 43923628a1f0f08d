namespace ProcessEngine.Workflows.Tests.Architecture;

/// <summary>
/// Small cohesive files: no hand-written source file over 300 lines, a partial class (Name.cs, Name.Part.cs,
/// Name.razor with Name.razor.cs) counting as one. Generated code (both providers' migrations, designer files) is left out.
/// </summary>
public sealed class FileSizeTests
{
    private const int MaxLines = 300;
    private static readonly string[] Folders = ["src", "tests", "bench", "tools"];
    private static readonly string[] Skipped = ["/obj/", "/bin/", "/node_modules/", "/Migrations/", "/Migrations.PostgreSql/", "/wwwroot/"];

    [Fact]
    public void NoHandWrittenFile_IsLongerThan300Lines()
    {
        var root = RepositoryRoot.Path;
        var files = Folders.Select(f => System.IO.Path.Combine(root, f)).Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !Skipped.Any(s => f.Replace('\\', '/').Contains(s, StringComparison.Ordinal)))
            .Where(f => !f.EndsWith(".Designer.cs", StringComparison.Ordinal));
        var tooLong = files
            .GroupBy(f => System.IO.Path.Combine(System.IO.Path.GetDirectoryName(f)!, System.IO.Path.GetFileName(f).Split('.')[0]))
            .Select(g => (Name: System.IO.Path.GetRelativePath(root, g.Key), Lines: g.Sum(f => File.ReadLines(f).Count())))
            .Where(x => x.Lines > MaxLines).OrderByDescending(x => x.Lines).ToList();
        Assert.True(tooLong.Count == 0, "Over 300 lines (partials summed): " + string.Join(", ", tooLong.Select(x => $"{x.Name} ({x.Lines})")));
    }
}
