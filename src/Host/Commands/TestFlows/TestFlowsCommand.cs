using ProcessEngine.Host.Extensions;
using ProcessEngine.Rvt;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Commands.TestFlows;

/// <summary>
/// <c>-- test-flows [folder] [--update]</c>: replays every saved scenario of every flow file in the folder (by default the
/// shipped <c>workflows-json/</c>) and fails, naming the first line that differs, when a change to a flow or the engine
/// moved a path or a date. The flows a scenario calls come from the same folder. <c>--update</c> writes the timelines the
/// flows produce now into the files, after a change that was meant; read the diff before committing it.
/// </summary>
public static class TestFlowsCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var update = args.Contains("--update");
        var folders = args.Where(a => a != "--update").ToList();
        if (folders.Count > 1 || folders.Any(a => a.StartsWith("--", StringComparison.Ordinal)))
        {
            output.WriteLine("usage: test-flows [folder] [--update]");
            return 1;
        }
        if (update && folders.Count == 0)
        {
            // Beside the binary sits a copy that the next build overwrites: updating it would be lost work.
            output.WriteLine("test-flows --update: name the folder to write in, for example: test-flows workflows-json --update");
            return 1;
        }
        var folder = folders.Count == 1 ? folders[0] : new ShippedFlowOptions().ResolvedPath;
        if (!Directory.Exists(folder))
        {
            output.WriteLine($"{folder}: no such folder");
            return 1;
        }
        var files = FlowFiles.In(folder).ToDictionary(f => f, File.ReadAllText);
        var driver = new TestDriver(registry => registry.AddRvtActivities());
        int run = 0, failed = 0;
        foreach (var (file, text) in files)
        {
            var model = FlowJson.TryParse(text, out var error);
            if (model is null)
            {
                output.WriteLine($"FOUT  {Path.GetFileName(file)}: {error}");
                failed++;
                continue;
            }
            var others = files.Where(f => f.Key != file).Select(f => f.Value).ToList();
            var updated = text;
            for (var i = 0; i < (model.Scenarios?.Count ?? 0); i++)
            {
                var scenario = model.Scenarios![i];
                var replay = await driver.RunAsync(text, others, scenario);
                var difference = ScenarioCheck.FirstDifference(scenario.Expected ?? [], replay);
                run++;
                var name = $"{model.Id}: {scenario.Name}";
                if (difference is null) { output.WriteLine($"OK    {name} ({replay.Events.Count} regels)"); continue; }
                if (update && replay.Problem is null && ExpectedLinesSplice.Replace(updated, i, replay.Lines) is { } spliced)
                {
                    updated = spliced;
                    output.WriteLine($"NIEUW {name}: {replay.Events.Count} regels geschreven ({difference})");
                    continue;
                }
                failed++;
                output.WriteLine($"FOUT  {name} ($.scenarios[{i}]): {difference}");
            }
            if (!ReferenceEquals(updated, text)) await File.WriteAllTextAsync(file, updated);
        }
        output.WriteLine($"{run} scenario('s) in {files.Count} flowbestand(en) nagelopen, {failed} met verschillen");
        return failed == 0 && run > 0 ? 0 : 1;
    }
}
