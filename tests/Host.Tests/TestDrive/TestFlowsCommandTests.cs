using ProcessEngine.Host.Commands;

namespace ProcessEngine.Host.Tests.TestDrive;

/// <summary><c>-- test-flows</c>: the shipped scenarios replay as saved, and a changed duration is named with the date it moved.</summary>
public sealed class TestFlowsCommandTests
{
    private static readonly string ShippedFlows = Path.Combine(AppContext.BaseDirectory, "workflows-json");

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exit = await HostCommands.TryRun(["test-flows", .. args], output)!;
        return (exit, output.ToString());
    }

    private static string CopyOfShippedFlows()
    {
        var folder = Directory.CreateTempSubdirectory("test-flows-").FullName;
        foreach (var file in Directory.EnumerateFiles(ShippedFlows, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        return folder;
    }

    [Fact]
    public async Task Every_shipped_scenario_replays_as_it_was_saved()
    {
        var (exit, output) = await RunAsync(ShippedFlows);

        Assert.True(exit == 0, output);
        Assert.Contains("OK    rvt-maatregel: OTS met verlenging (33 regels)", output);
        Assert.Contains("OK    rvt-traject: Stopknop tijdens het netwerkberaad", output);
        Assert.EndsWith("6 scenario('s) in 7 flowbestand(en) nagelopen, 0 met verschillen" + Environment.NewLine, output);
    }

    [Fact]
    public async Task A_changed_duration_fails_naming_the_scenario_and_the_date_it_moved_and_update_writes_only_the_expectations()
    {
        var folder = CopyOfShippedFlows();
        var file = Path.Combine(folder, "rvt-maatregel.json");
        var original = await File.ReadAllTextAsync(file);
        await File.WriteAllTextAsync(file, original.Replace("\"default\": \"P10W\"", "\"default\": \"P12W\"", StringComparison.Ordinal));

        var (exit, output) = await RunAsync(folder);

        Assert.Equal(1, exit);
        Assert.Contains("FOUT  rvt-maatregel: OTS met verlenging ($.scenarios[0]): regel 7 verschilt: " +
            "verwacht 'ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 23-11-2027 00:00', " +
            "nu 'ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 09-11-2027 00:00'", output);
        Assert.Contains("OK    rvt-traject: Netwerkberaad", output);

        var (updated, updateOutput) = await RunAsync(folder, "--update");
        Assert.True(updated == 0, updateOutput);
        Assert.Contains("NIEUW rvt-maatregel: OTS met verlenging", updateOutput);
        var after = await File.ReadAllTextAsync(file);
        var scenarios = original.IndexOf("\"scenarios\"", StringComparison.Ordinal);
        Assert.Equal(original[..scenarios].Replace("P10W", "P12W", StringComparison.Ordinal), after[..scenarios]);
        Assert.Contains("\"ma 01-02-2027 09:00 · Timer gezet: Voor de einddatum van de OTS · loopt af op di 09-11-2027 00:00\",", after);
        Assert.Equal(0, (await RunAsync(folder)).Exit);
    }

    [Fact]
    public async Task Update_without_a_folder_is_refused_because_the_copy_beside_the_binary_is_overwritten_by_the_next_build()
    {
        var (exit, output) = await RunAsync("--update");

        Assert.Equal(1, exit);
        Assert.Contains("name the folder to write in", output);
    }
}
