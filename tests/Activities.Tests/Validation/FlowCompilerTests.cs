using Microsoft.Extensions.Options;
using ProcessEngine.Activities;
using ProcessEngine.Workflows.Activities;
using ProcessEngine.Workflows.Definitions;
using ProcessEngine.Workflows.Expressions;
using ProcessEngine.Workflows.Validation;

namespace ProcessEngine.Activities.Tests.Validation;

public sealed class FlowCompilerTests
{
    private readonly FlowCompiler _compiler = new(
        new ActivityRegistry().AddGenericActivities(),
        new JintExpressionEvaluator(Options.Create(new ExpressionOptions())));

    private static string Flow(string activities, string connections, string extra = "") => $$"""
        { "id": "test-flow", "name": "Test" {{extra}},
          "activities": [ {{activities}} ],
          "connections": [ {{connections}} ] }
        """;

    private const string Task1 = """{ "id": "a", "type": "HumanTask", "inputs": { "title": "A", "outcomes": ["Ja", "Nee"] } }""";
    private const string Task2 = """{ "id": "b", "type": "HumanTask", "inputs": { "title": "B" } }""";

    private FlowError SingleError(string json)
    {
        var result = _compiler.Compile(json);
        Assert.False(result.IsValid);
        return Assert.Single(result.Errors);
    }

    [Fact]
    public void Compile_Succeeds_WhenFlowIsValid()
    {
        var result = _compiler.Compile(Flow($"{Task1},{Task2}", """{ "source": "a", "outcome": "Ja", "target": "b" }"""));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("a", result.Graph!.Start.Id);
        Assert.Equal(["b"], result.Graph.Start.Targets("Ja").Select(t => t.Id));
    }

    [Fact]
    public void Compile_ReportsLineAndPath_WhenJsonIsMalformed()
    {
        var error = SingleError("{ \"id\": \"x\",\n \"activities\": [ { \"id\": } ] }");
        Assert.StartsWith("$.activities[0]", error.Path);
        Assert.Contains("malformed JSON", error.Message);
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Compile_NamesProperty_WhenPropertyIsUnknown()
    {
        var error = SingleError("""{ "id": "x", "name": "X", "activitees": [] }""");
        Assert.Equal("$.activitees", error.Path);
        Assert.Contains("unknown property", error.Message);
    }

    [Fact]
    public void Compile_ReportsType_WhenActivityTypeIsUnknown()
    {
        var error = SingleError(Flow("""{ "id": "a", "type": "Teleport" }""", ""));
        Assert.Equal("$.activities[0].type", error.Path);
        Assert.Contains("unknown activity type 'Teleport'", error.Message);
        Assert.Contains("HumanTask", error.Message);
    }

    [Fact]
    public void Compile_ReportsInput_WhenRequiredInputIsMissing()
    {
        var error = SingleError(Flow("""{ "id": "a", "type": "HumanTask", "inputs": { "outcomes": ["Klaar"] } }""", ""));
        Assert.Equal("$.activities[0].inputs.title", error.Path);
        Assert.Contains("required input 'title'", error.Message);
    }

    [Theory]
    [InlineData("""{ "title": 42 }""", "$.activities[0].inputs.title", "expected a string")]
    [InlineData("""{ "title": "A", "due": "drie maanden" }""", "$.activities[0].inputs.due", "'drie maanden' is not a duration")]
    [InlineData("""{ "title": "A", "outcomes": "Klaar" }""", "$.activities[0].inputs.outcomes", "expected a list of texts")]
    [InlineData("""{ "title": "A", "form": [ { "label": "zonder naam" } ] }""", "$.activities[0].inputs.form", "needs at least a \"name\"")]
    [InlineData("""{ "title": "A", "kleur": "rood" }""", "$.activities[0].inputs.kleur", "has no input 'kleur'")]
    [InlineData("""{ "title": "  " }""", "$.activities[0].inputs.title", "required input 'title' of 'HumanTask' is empty")]
    [InlineData("""{ "title": "A", "form": [ { "name": "x", "type": "kleur" } ] }""", "$.activities[0].inputs.form", "unknown type 'kleur'")]
    [InlineData("""{ "title": "A", "form": [ { "name": "x" }, { "name": "x" } ] }""", "$.activities[0].inputs.form", "repeats the name 'x'")]
    public void Compile_ReportsInput_WhenInputHasWrongTypeOrIsUnknown(string inputs, string path, string message)
    {
        var error = SingleError(Flow($$"""{ "id": "a", "type": "HumanTask", "inputs": {{inputs}} }""", ""));
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Compile_ReportsOutcome_WhenConnectionUsesUnknownOutcome()
    {
        var error = SingleError(Flow($"{Task1},{Task2}", """{ "source": "a", "outcome": "Misschien", "target": "b" }"""));
        Assert.Equal("$.connections[0].outcome", error.Path);
        Assert.Contains("no outcome 'Misschien'", error.Message);
        Assert.Contains("Ja, Nee", error.Message);
    }

    [Fact]
    public void Compile_ReportsTarget_WhenConnectionPointsToUnknownActivity()
    {
        var error = SingleError(Flow(Task1, """{ "source": "a", "outcome": "Ja", "target": "nergens" }"""));
        Assert.Equal("$.connections[0].target", error.Path);
        Assert.Contains("unknown activity 'nergens'", error.Message);
    }

    [Fact]
    public void Compile_ReportsStart_WhenEveryActivityHasAnIncomingConnection()
    {
        var result = _compiler.Compile(Flow($"{Task1},{Task2}",
            """{ "source": "a", "outcome": "Ja", "target": "b" }, { "source": "b", "outcome": "Afgerond", "target": "a" }"""));
        var error = Assert.Single(result.Errors);
        Assert.Equal("$.start", error.Path);
        Assert.Contains("no start activity", error.Message);
    }

    [Fact]
    public void Compile_ReportsStart_WhenSeveralActivitiesCouldStart()
    {
        var error = SingleError(Flow($"{Task1},{Task2}", ""));
        Assert.Equal("$.start", error.Path);
        Assert.Contains("'a', 'b' have no incoming connection", error.Message);
    }

    [Fact]
    public void Compile_ReportsActivity_WhenItCannotBeReached()
    {
        var error = SingleError(Flow($"{Task1},{Task2}", "", """, "start": "a" """));
        Assert.Equal("$.activities[1]", error.Path);
        Assert.Contains("'b' cannot be reached from the start activity 'a'", error.Message);
    }

    [Fact]
    public void Compile_ReportsCycle_WhenNoActivityInItWaits()
    {
        var json = Flow(
            """
            { "id": "start", "type": "SetVariable", "inputs": { "variable": "n", "value": 0 } },
            { "id": "x", "type": "SetVariable", "inputs": { "variable": "n", "value": { "expression": "variables.n + 1" } } },
            { "id": "y", "type": "Decision", "inputs": { "outcome": { "expression": "'Opnieuw'" }, "outcomes": ["Opnieuw"] } }
            """,
            """{ "source": "start", "target": "x" }, { "source": "x", "target": "y" }, { "source": "y", "outcome": "Opnieuw", "target": "x" }""");
        var error = SingleError(json);
        Assert.Equal("$.activities[1]", error.Path);
        Assert.Contains("form a cycle with no waiting activity", error.Message);
    }

    [Fact]
    public void Compile_AcceptsCycle_WhenAnActivityInItWaits()
    {
        var json = Flow(
            """
            { "id": "reflect", "type": "HumanTask", "inputs": { "title": "Duo-reflectie", "outcomes": ["Nog niet", "Goed genoeg"] } },
            { "id": "wait", "type": "Delay", "inputs": { "duration": "P4W" } }
            """,
            """{ "source": "reflect", "outcome": "Nog niet", "target": "wait" }, { "source": "wait", "target": "reflect" }""",
            """, "start": "reflect" """);
        var result = _compiler.Compile(json);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Compile_ReportsExpression_WhenItDoesNotCompile()
    {
        var error = SingleError(Flow("""{ "id": "a", "type": "SetVariable", "inputs": { "variable": "x", "value": { "expression": "variables.( + 1" } } }""", ""));
        Assert.Equal("$.activities[0].inputs.value.expression", error.Path);
        Assert.Contains("does not compile", error.Message);
    }

    [Fact]
    public void Compile_ReportsEveryError_WhenThereAreSeveral()
    {
        var result = _compiler.Compile("""
            { "name": "Zonder id",
              "activities": [ { "id": "a", "type": "Teleport" }, { "id": "b", "type": "HumanTask", "inputs": { "title": 1 } } ],
              "connections": [] }
            """);
        Assert.Contains(result.Errors, e => e.Path == "$.id");
        Assert.Contains(result.Errors, e => e.Path == "$.activities[0].type");
        Assert.Contains(result.Errors, e => e.Path == "$.activities[1].inputs.title");
    }
}
