using System.Globalization;
using System.Text.Json;
using ProcessEngine.Synthetic;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.TestDrive;

namespace ProcessEngine.Host.Components.Studio.TestDrive;

/// <summary>
/// What the proefrit page has chosen so far: the start, the flow's input and the steps. The page keeps no engine: every
/// change replays the script from its start, so "a step back" is dropping the last step and saving is writing the script.
/// </summary>
public sealed class TestDriveScript
{
    public string Start { get; set; } = "";
    public string Input { get; set; } = "{}";
    public List<ScenarioStepModel> Steps { get; } = [];

    /// <returns>The scenario, or why the input is not usable (it must be a JSON object).</returns>
    public (ScenarioModel? Scenario, string? Problem) ToScenario(string? name = null, string? description = null)
    {
        Dictionary<string, JsonElement>? input;
        try
        {
            input = string.IsNullOrWhiteSpace(Input) ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Input);
        }
        catch (JsonException)
        {
            return (null, "De invoer is geen JSON-object, bijvoorbeeld { \"type\": \"OTS\", \"startDatum\": \"2027-02-01\" }.");
        }
        return (new ScenarioModel { Name = name, Description = description, Start = Start, Input = input, Steps = [.. Steps] }, null);
    }

    public void Load(ScenarioModel scenario)
    {
        Start = scenario.Start ?? "";
        Input = JsonSerializer.Serialize(scenario.Input ?? [], new JsonSerializerOptions { WriteIndented = true });
        Steps.Clear();
        Steps.AddRange(scenario.Steps ?? []);
    }

    /// <summary>
    /// A chosen day as a step's moment: 09:00 that day, or now when the proefrit already stands later on that day (a timer
    /// that fired at midnight, a step taken in the afternoon); null means "now".
    /// </summary>
    public static string? MomentOn(DateOnly? day, DateTimeOffset now)
    {
        if (day is not { } chosen) return null;
        var moment = TestDriveMoment.At(chosen, TestDriveMoment.StartOfDay);
        return moment > now ? chosen.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
    }

    /// <summary>
    /// A step chosen by a seeded die, as a coordinator would: one of the open tasks, one of its outcomes, valid answers, done
    /// some time within its due period. The step is written out like any other, so a saved scenario does not depend on the die.
    /// </summary>
    public static ScenarioStepModel? RandomStep(TestDriveResult result, int seed)
    {
        var open = result.OpenTasks.Where(t => !t.OnHold).ToList();
        if (open.Count == 0) return null;
        var random = new Random(seed);
        var task = open[random.Next(open.Count)];
        var period = task.DueAt is { } due && due > task.CreatedAt ? due - task.CreatedAt : TimeSpan.FromDays(7);
        var at = task.CreatedAt + TimeSpan.FromTicks((long)(period.Ticks * random.NextDouble() * 0.9));
        var outcome = task.Outcomes.Count == 0 ? null : task.Outcomes[random.Next(task.Outcomes.Count)];
        var answers = SyntheticAnswers.For(task.Form, at > result.Now ? at : result.Now, random, complete: true)
            .ToDictionary(a => a.Key, a => JsonSerializer.SerializeToElement(a.Value));
        return new ScenarioStepModel
        {
            At = at > result.Now ? TestDriveMoment.Write(at) : null,
            Task = task.ActivityId,
            Flow = task.FlowId,
            Outcome = outcome,
            Answers = answers,
        };
    }

    /// <summary>How a step reads in the list of choices made.</summary>
    public static string Describe(ScenarioStepModel step)
    {
        var when = step.At is { } at && TestDriveMoment.TryParse(at, out var moment) ? TestDriveMoment.Show(moment) + ": " : "";
        if (step.Task is { } task) return $"{when}taak {task} afronden{(step.Outcome is { } o ? " → " + o : "")}";
        if (step.Signal is { } signal) return $"{when}signaal {signal} sturen";
        return step.Until is { } until && TestDriveMoment.TryParse(until, out var to) ? $"klok vooruit tot {TestDriveMoment.Show(to)}" : "stap";
    }
}
