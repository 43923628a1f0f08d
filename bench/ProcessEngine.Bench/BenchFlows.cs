using System.Text.Json;

namespace ProcessEngine.Bench;

/// <summary>The two flows the engine benchmark runs, in the flow-file format a coordinator imports.</summary>
internal static class BenchFlows
{
    public const int Steps = 10;
    public const string StepsId = "bench-steps";
    public const string InMemoryId = "bench-inmemory";
    public const string Outcome = "Klaar";
    public const string CandidateGroup = "Team";

    public static string Title(int step) => $"Stap {step}";

    /// <summary>The one form field each step asks for, as the floor stores it too.</summary>
    public const string FormJson = """[{"name":"opmerking","label":"Opmerking","type":"text","required":false,"options":null}]""";

    /// <summary>Ten human tasks in a row, each with a one-field form (typed and privacy-checked on completion); each waits until completed with "Klaar".</summary>
    public static string StepsJson() => Flow(StepsId, "Benchmark: tien taken",
        step => new
        {
            id = $"s{step}", type = "HumanTask",
            inputs = new { title = Title(step), candidateGroup = CandidateGroup, outcomes = new[] { Outcome }, form = new[] { new { name = "opmerking", label = "Opmerking", type = "text" } } },
        },
        step => new { source = $"s{step}", outcome = Outcome, target = $"s{step + 1}" });

    /// <summary>Ten SetVariable steps with literal values: nothing waits, an instance runs to the end in one call.</summary>
    public static string InMemoryJson() => Flow(InMemoryId, "Benchmark: tien variabelen",
        step => new { id = $"v{step}", type = "SetVariable", inputs = new { variable = $"v{step}", value = step } },
        step => new { source = $"v{step}", outcome = "Done", target = $"v{step + 1}" });

    private static string Flow(string id, string name, Func<int, object> activity, Func<int, object> connection) =>
        JsonSerializer.Serialize(new
        {
            id,
            name,
            activities = Enumerable.Range(1, Steps).Select(activity).ToList(),
            connections = Enumerable.Range(1, Steps - 1).Select(connection).ToList(),
        });
}
