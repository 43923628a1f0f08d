using Microsoft.Extensions.Options;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Extensions;

public sealed class ShippedFlowOptions
{
    /// <summary>Folder with the shipped flow files; empty means the copy next to the host binary.</summary>
    public string Path { get; set; } = "";
    public bool ImportOnStart { get; set; } = true;

    public string ResolvedPath => string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "workflows-json") : Path;
}

/// <summary>
/// Imports and publishes each shipped flow the database does not have yet, and publishes a changed
/// shipped file as the next version while the live one is still a shipped one. A flow a coordinator has
/// made a version of is left alone (logged as a warning); a shipped file that does not validate stops the
/// start, loudly.
/// </summary>
public sealed class ShippedFlowImporter(WorkflowDefinitionService definitions, IOptions<ShippedFlowOptions> options, ILogger<ShippedFlowImporter> logger)
{
    public async Task ImportAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (!settings.ImportOnStart) return;
        var folder = settings.ResolvedPath;
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Shipped flows folder '{folder}' does not exist; set Flows:Path.");
        foreach (var file in FlowFiles.In(folder))
        {
            var import = await definitions.ImportShippedAsync(await File.ReadAllTextAsync(file, ct), ct);
            var result = import.Result;
            if (import.Outcome == ShippedImportOutcome.Invalid)
                throw new InvalidOperationException($"Shipped flow {file} is not valid:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
            if (import.Outcome == ShippedImportOutcome.KeptCoordinatorVersion)
                logger.LogWarning("Shipped flow {File} was not applied: {DefinitionId} has a version made by a coordinator (v{Version})",
                    System.IO.Path.GetFileName(file), result.Record!.DefinitionId, result.Record.Version);
            else
                logger.LogInformation("Flow {DefinitionId} v{Version} {Outcome} ({File})", result.Record!.DefinitionId, result.Record.Version,
                    import.Outcome, System.IO.Path.GetFileName(file));
        }
    }
}

/// <summary>Which files in a folder are flows: every *.json except JSON schemas.</summary>
public static class FlowFiles
{
    public static IReadOnlyList<string> In(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];
}
