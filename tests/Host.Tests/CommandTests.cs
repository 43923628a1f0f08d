using System.Diagnostics;
using ProcessEngine.Rvt;
using ProcessEngine.Host.Commands;
using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Host.Tests;

public sealed class CommandTests
{
    private static readonly string ShippedFlows = Path.Combine(AppContext.BaseDirectory, "workflows-json");

    [Fact]
    public void Validate_ReturnsZero_WhenEveryShippedFlowIsValid()
    {
        var output = new StringWriter();

        var exit = HostCommands.Validate([ShippedFlows], output);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains("0 with errors", output.ToString());
    }

    [Fact]
    public void Validate_PrintsEveryErrorWithItsPath_WhenAFlowIsBroken()
    {
        var folder = Directory.CreateTempSubdirectory("flows-").FullName;
        File.WriteAllText(Path.Combine(folder, "broken.json"), """
            { "id": "broken", "name": "Kapot",
              "activities": [ { "id": "a", "type": "HumanTask", "inputs": { "title": 5 } }, { "id": "b", "type": "Onbekend" } ],
              "connections": [] }
            """);
        File.Copy(Path.Combine(ShippedFlows, "rvt-aanmelding.json"), Path.Combine(folder, "good.json"));
        var output = new StringWriter();

        var exit = HostCommands.Validate([folder], output);

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Contains("$.activities[0].inputs.title: expected a string", text);
        Assert.Contains("$.activities[1].type: unknown activity type 'Onbekend'", text);
        Assert.Contains("OK    " + Path.Combine(folder, "good.json"), text);
        Assert.Contains("2 flow file(s) checked, 1 with errors", text);
    }

    [Fact]
    public void Validate_ReturnsOne_WhenPathDoesNotExist()
    {
        var output = new StringWriter();
        Assert.Equal(1, HostCommands.Validate(["/nonexistent/flows"], output));
        Assert.Contains("no such file or folder", output.ToString());
    }

    [Fact]
    public async Task ValidateVerb_ExitsWithOne_WhenRunAsAProcessOnABrokenFile()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("flows-").FullName, "x.json");
        await File.WriteAllTextAsync(broken, "{ not json");
        var host = Path.Combine(AppContext.BaseDirectory, "ProcessEngine.Host.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", ["exec", host, "validate", broken]) { RedirectStandardOutput = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("malformed JSON", output);
    }

    [Fact]
    public void ShippedSchema_MatchesTheActivityDescriptors_WhenRegenerated()
    {
        var committed = File.ReadAllText(Path.Combine(ShippedFlows, "flow.schema.json")).Trim();
        var generated = FlowSchema.Generate(new Workflows.Activities.ActivityRegistry().AddRvtActivities()).Trim();

        Assert.True(committed == generated,
            "workflows-json/flow.schema.json is out of date: run `dotnet run --project src/Host --no-launch-profile -- schema > workflows-json/flow.schema.json`");
    }
}
