using ProcessEngine.Workflows.Definitions;

namespace ProcessEngine.Workflows.Tests.Comparison;

public sealed class FlowComparisonTests
{
    private const string TaskA = """{ "id": "a", "type": "HumanTask", "displayName": "Intake", "inputs": { "title": "A", "outcomes": ["Ja", "Nee"] }, "position": { "x": 0, "y": 0 } }""";
    private const string TaskB = """{ "id": "b", "type": "HumanTask", "inputs": { "title": "B" } }""";
    private const string AtoB = """{ "source": "a", "outcome": "Ja", "target": "b" }""";

    private static WorkflowDefinitionModel Flow(string activities, string connections = "")
    {
        var model = FlowJson.TryParse($$"""{ "id": "f", "name": "F", "activities": [ {{activities}} ], "connections": [ {{connections}} ] }""", out var error);
        Assert.Null(error);
        return model!;
    }

    [Fact]
    public void Compare_FindsNothing_WhenFlowsAreIdentical()
    {
        var result = FlowComparison.Compare(Flow($"{TaskA},{TaskB}", AtoB), Flow($"{TaskA},{TaskB}", AtoB));
        Assert.True(result.IsEmpty);
    }

    [Fact]
    public void Compare_IgnoresFormattingPropertyOrderAndPositions()
    {
        const string reordered = """{ "id": "a", "type": "HumanTask", "displayName": "Intake", "inputs": { "outcomes": [ "Ja","Nee" ], "title":"A" }, "position": { "x": 40, "y": 80 } }""";
        Assert.True(FlowComparison.Compare(Flow(TaskA), Flow(reordered)).IsEmpty);
    }

    [Fact]
    public void Compare_ReportsAddedAndRemovedActivities()
    {
        const string taskC = """{ "id": "c", "type": "Decision", "displayName": "Besluit" }""";
        var result = FlowComparison.Compare(Flow($"{TaskA},{TaskB}"), Flow($"{TaskA},{taskC}"));
        Assert.Equal([new ActivitySummary("c", "Decision", "Besluit")], result.AddedActivities);
        Assert.Equal([new ActivitySummary("b", "HumanTask", null)], result.RemovedActivities);
        Assert.Empty(result.ChangedActivities);
    }

    [Fact]
    public void Compare_NamesEachChangedInputWithOldAndNewJson()
    {
        const string changed = """{ "id": "a", "type": "HumanTask", "displayName": "Intake", "inputs": { "title": "Aangepast", "outcomes": ["Ja", "Nee"], "duePeriod": "P5D" } }""";
        const string less = """{ "id": "b", "type": "HumanTask", "inputs": { } }""";
        var result = FlowComparison.Compare(Flow($"{TaskA},{TaskB}"), Flow($"{changed},{less}"));

        Assert.Collection(result.ChangedActivities,
            a =>
            {
                Assert.Equal("a", a.Id);
                Assert.Null(a.Type);
                Assert.Equal([new InputChange("duePeriod", null, "\"P5D\""), new InputChange("title", "\"A\"", "\"Aangepast\"")], a.Inputs);
            },
            b => Assert.Equal([new InputChange("title", "\"B\"", null)], b.Inputs));
    }

    [Fact]
    public void Compare_ReportsTypeAndDisplayNameChanges()
    {
        const string retyped = """{ "id": "a", "type": "Decision", "displayName": "Intake gesprek", "inputs": { "title": "A", "outcomes": ["Ja", "Nee"] } }""";
        var change = Assert.Single(FlowComparison.Compare(Flow(TaskA), Flow(retyped)).ChangedActivities);
        Assert.Equal(new ValueChange("HumanTask", "Decision"), change.Type);
        Assert.Equal(new ValueChange("Intake", "Intake gesprek"), change.DisplayNameChange);
        Assert.Empty(change.Inputs);
    }

    [Fact]
    public void Compare_KeepsDutchTextReadableInInputJson()
    {
        const string accented = """{ "id": "b", "type": "HumanTask", "inputs": { "title": "Overleg met één ouder" } }""";
        var change = Assert.Single(FlowComparison.Compare(Flow(TaskB), Flow(accented)).ChangedActivities);
        Assert.Equal("\"Overleg met één ouder\"", Assert.Single(change.Inputs).New);
    }

    [Fact]
    public void Compare_ReportsConnectionsBySourceOutcomeAndTarget()
    {
        const string bToA = """{ "source": "b", "target": "a" }""";
        const string aNeeB = """{ "source": "a", "outcome": "Nee", "target": "b" }""";
        var result = FlowComparison.Compare(Flow($"{TaskA},{TaskB}", $"{AtoB},{bToA}"), Flow($"{TaskA},{TaskB}", $"{aNeeB},{bToA}"));

        Assert.Equal([new FlowConnection("a", "Nee", "b")], result.AddedConnections);
        Assert.Equal([new FlowConnection("a", "Ja", "b")], result.RemovedConnections);
        Assert.Empty(result.ChangedActivities);
    }

    [Fact]
    public void Compare_TreatsOmittedOutcomeAsDone()
    {
        const string implicitDone = """{ "source": "b", "target": "a" }""";
        const string explicitDone = """{ "source": "b", "outcome": "Done", "target": "a" }""";
        Assert.True(FlowComparison.Compare(Flow($"{TaskA},{TaskB}", implicitDone), Flow($"{TaskA},{TaskB}", explicitDone)).IsEmpty);
    }
}
