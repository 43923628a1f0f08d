namespace ProcessEngine.Workflows.Tests.Architecture;

/// <summary>The folder holding ProcessEngine.sln, found upward from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ProcessEngine.sln"))) return dir.FullName;
        throw new InvalidOperationException("ProcessEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
