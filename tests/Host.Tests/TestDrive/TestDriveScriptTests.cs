using ProcessEngine.Host.Commands;
using ProcessEngine.Host.Components.Studio.TestDrive;
using ProcessEngine.Rvt;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Tests.TestDrive;

/// <summary>The proefrit page's script: a random step is one a replay can take, moments on a day, and a broken scenario named by its path.</summary>
public sealed class TestDriveScriptTests
{
    private static readonly string Maatregel = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows-json", "rvt-maatregel.json"));
    private static readonly TestDriver Driver = new(r => r.AddRvtActivities());

    [Fact]
    public async Task A_random_step_is_written_out_and_replays_without_a_problem()
    {
        var script = new TestDriveScript { Start = "2027-02-01" };
        script.Load(FlowJson.TryParse(Maatregel, out _)!.Scenarios![0] with { Steps = [] });
        script.Steps.Add(new ScenarioStepModel { Until = "2027-05-02" });
        var before = await Driver.RunAsync(Maatregel, [], script.ToScenario().Scenario!);

        var step = TestDriveScript.RandomStep(before, seed: 7)!;
        script.Steps.Add(step);
        var after = await Driver.RunAsync(Maatregel, [], script.ToScenario().Scenario!);

        Assert.Equal("evaluatie", step.Task);
        Assert.Null(after.Problem);
        Assert.Contains(after.Events, e => e.Kind == TestDriveEventKind.TaskCompleted && e.Detail == step.Outcome);
        Assert.Equal(after.Lines, (await Driver.RunAsync(Maatregel, [], script.ToScenario().Scenario!)).Lines);
    }

    [Fact]
    public void A_day_is_nine_o_clock_unless_the_proefrit_stands_later_that_day()
    {
        var midnight = TestDriveMoment.At(new DateOnly(2027, 5, 1), TimeOnly.MinValue);

        Assert.Equal("2027-05-01", TestDriveScript.MomentOn(new DateOnly(2027, 5, 1), midnight));
        Assert.Null(TestDriveScript.MomentOn(new DateOnly(2027, 5, 1), midnight.AddHours(10)));
        Assert.Contains("geen JSON-object", new TestDriveScript { Input = "{ kapot" }.ToScenario().Problem);
    }

    [Fact]
    public void A_broken_scenario_in_a_flow_file_is_named_by_its_json_path()
    {
        var broken = Maatregel.Replace("\"name\": \"OTS met verlenging\"", "\"name\": \"\"", StringComparison.Ordinal)
            .Replace("\"start\": \"2027-02-01\"", "\"start\": \"1 februari\"", StringComparison.Ordinal);
        var node = System.Text.Json.Nodes.JsonNode.Parse(broken)!;
        node["scenarios"]![1]!["steps"]![0]!["until"] = "2027-04-01";

        var errors = HostCommands.CreateCompiler().Compile(node.ToJsonString()).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains("$.scenarios[0].name: required: a scenario needs a name", errors);
        Assert.Contains("$.scenarios[0].start: '1 februari' is not a moment: write 2027-01-15 or 2027-01-15T09:00 (Europe/Amsterdam)", errors);
        Assert.Contains("$.scenarios[1].steps[0]: a step has exactly one of task (complete a task), signal (send a signal) or until (let the clock run)", errors);
    }
}
